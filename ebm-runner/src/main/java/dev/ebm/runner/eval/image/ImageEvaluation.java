package dev.ebm.runner.eval.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.spec.EvalSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.classifier.ClassifierCache;
import dev.ebm.runner.classifier.ClassifierConfig;
import dev.ebm.runner.report.ImageGrids;
import dev.ebm.runner.train.Experiment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The evaluation of an image run (docs/EVALUATION.md): the evaluation classifier of the run's data set (from the
 * cache beside the data, trained on first use) scores two named sample sets, {@code replay_buffer} (the negative
 * source's kept samples) and {@code fresh_chains} (chains from uniform noise run with the generation sampler of the
 * spec's {@code eval} section), against the test split; {@code data} scores as many training images, for scale.
 * Grids of both sample sets go to {@code plots/}. Randomness: {@code Rng(seed).fork(-2).fork(7)}.
 */
public final class ImageEvaluation {
    private ImageEvaluation() {}

    /** Whether {@code ex}'s data is a labelled image set this evaluation can score. */
    public static boolean applies(Experiment ex) {
        return ex.data instanceof LabelledData && ex.data.sampleShape().length == 3;
    }

    public static ObjectNode evaluate(Experiment ex, Path runDir, PrintStream out) {
        ObjectNode eval = new ObjectMapper().createObjectNode();
        EvalSets.Result found = EvalSets.of(ex.spec.data(), ex.context.registry());
        if (found.sets() == null) {
            eval.put("image_eval_note", found.reason());
            out.println("note: no image evaluation: " + found.reason());
            return eval;
        }
        EvalSets sets = found.sets();
        boolean terminal = System.console() != null;
        ClassifierCache.Entry entry = ClassifierCache.standard().obtain(sets.dataset(), sets.train(), sets.test(),
                ClassifierConfig.DEFAULT, false, out, terminal);
        Classifier classifier = entry.classifier();
        List<String> names = sets.test().classNames();
        ObjectNode cl = eval.putObject("classifier");
        cl.put("dataset", sets.dataset());
        cl.put("architecture", entry.manifest().get("architecture").asText());
        cl.put("features", classifier.net().config().features());
        cl.put("test_accuracy", classifier.testAccuracy());
        cl.put("train_seconds", entry.manifest().path("train_seconds").asDouble());
        cl.put("trained_now", entry.trainedNow());
        cl.put("dir", entry.dir().toString());

        LabelledData test = sets.test();
        Classifier.Classified ref = classifier.classify(test.samples(0, test.size(), DataType.FLOAT), test.bounds());
        FeatureStats reference = FeatureStats.of(ref.features());
        SampleScores.of(ref.probabilities(), null, null).writeTo(eval.putObject("test_set"), names);

        Rng root = new Rng(ex.spec.seed()).fork(-2).fork(7);
        EvalSpec spec = ex.spec.evalOrDefaults();
        Box box = ex.data.bounds();
        double lo = java.util.Arrays.stream(box.low()).min().orElse(0);
        double hi = java.util.Arrays.stream(box.high()).max().orElse(1);
        INDArray data = ex.data.batch(spec.chains(), root.fork(0), ex.dtype);
        SampleScores dataScores = score(classifier, data, box, reference, eval.putObject("data"), names);

        Optional<INDArray> kept = ex.negatives == null ? Optional.empty() : ex.negatives.kept();
        SampleScores buffer = null;
        if (kept.isPresent()) {
            buffer = score(classifier, kept.get(), box, reference, eval.putObject("replay_buffer"), names);
            ImageGrids.write(spread(kept.get()), lo, hi, "Replay buffer (" + kept.get().size(0) + " samples)",
                    runDir.resolve("plots").resolve("replay_buffer.png"));
        }

        SamplerSpec sampler = spec.sampler() != null ? spec.sampler() : ex.spec.sampler();
        SampleScores fresh = null;
        if (sampler != null) {
            FreshChains.Result r = FreshChains.run(ex, sampler, spec.chains(), spec.traceChains(),
                    spec.traceEvery(), classifier, root.fork(1), out);
            ObjectNode node = eval.putObject("fresh_chains");
            node.put("chains", spec.chains());
            node.put("steps", r.steps());
            node.put("init", "uniform over the data's box [" + lo + ", " + hi + "]");
            ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
            ex.context.registry().registerSpecTypes(mapper);
            ObjectNode samplerNode = mapper.valueToTree(sampler);
            samplerNode.put("type", ex.context.registry().typeOf(sampler));
            node.set("sampler", samplerNode);
            node.put("sampler_source", spec.sampler() != null ? "eval.sampler" : "sampler (training)");
            node.put("seconds", r.seconds());
            fresh = score(classifier, r.finals(), box, reference, node, names);
            r.trace().writeTo(node.putObject("trace"));
            ImageGrids.write(r.finals(), lo, hi, "Fresh chains from noise (" + r.steps() + " steps)",
                    runDir.resolve("plots").resolve("fresh_chains.png"));
        } else {
            eval.put("fresh_chains_note", "the spec has no sampler to run fresh chains with (add eval.sampler)");
        }
        out.printf("eval: classifier %s (test accuracy %.2f %%); class entropy in nats, mean top-class probability, "
                + "Frechet distance to the test set:%n", sets.dataset(), 100 * classifier.testAccuracy());
        summary(out, "data", dataScores);
        summary(out, "replay_buffer", buffer);
        summary(out, "fresh_chains", fresh);
        return eval;
    }

    private static SampleScores score(Classifier classifier, INDArray x, Box box, FeatureStats reference,
            ObjectNode node, List<String> names) {
        Classifier.Classified c = classifier.classify(x, box);
        SampleScores s = SampleScores.of(c.probabilities(), FeatureStats.of(c.features()), reference);
        s.writeTo(node, names);
        return s;
    }

    /** Up to {@link ImageGrids#SHOWN} samples evenly spread over {@code x}. */
    private static INDArray spread(INDArray x) {
        long n = x.size(0);
        if (n <= ImageGrids.SHOWN) {
            return x;
        }
        int[] rows = new int[ImageGrids.SHOWN];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) (i * n / rows.length);
        }
        long[] shape = x.shape().clone();
        shape[0] = rows.length;
        return x.reshape(n, x.length() / n).getRows(rows).reshape(shape);
    }

    private static void summary(PrintStream out, String name, SampleScores s) {
        if (s == null) {
            return;
        }
        out.printf("  %-14s %5d samples  entropy %.3f  top-p %.3f  frechet %s%n", name, s.count(),
                s.classes().entropy(), s.topProbabilityMean(), s.frechet() == null ? "n/a (" + s.frechetNote() + ")"
                        : String.format("%.3f", s.frechet()));
    }
}
