package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.runner.chains.ChainMetrics;
import dev.ebm.runner.chains.ChainStarts;
import dev.ebm.runner.chains.TestTimeChains;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.eval.image.ClassHistogram;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one {@code chains} analysis on one model and scores it (docs/EXPERIMENTS.md, "What a chains analysis
 * measures"): writes {@code starts.npy}, {@code finals.npy} and {@code strip.png} into the result directory and
 * returns the result's JSON (which the caller writes as {@code result.json}).
 */
final class ChainAnalysisRun {
    private ChainAnalysisRun() {}

    static ObjectNode run(Analysis a, StudiedModel m, Judge judge, long seed, SpecLoader loader, Path dir,
            PrintStream out) {
        SamplerSpec sampler = m.sampler(a.sets(), a.steps(), loader);
        TestTimeChains.Setup setup = m.setup(sampler, judge);
        long stream = Results.stream(a.name());
        Rng root = new Rng(seed).fork(stream);
        ChainStarts starts = ChainStarts.draw(a.start(), a.chains(), judge.test(), m.ex().data.bounds(), m.ex().dtype,
                root.fork(0));
        int[] steps = TestTimeChains.recordSteps(a.steps(), a.record(), a.at());
        out.printf("  %s on %s: %d chains from %s, %d steps%n", a.id(), m.label(), a.chains(), a.start(),
                a.steps());
        TestTimeChains.Result r = TestTimeChains.run(setup, starts.x(), a.steps(), steps, a.pictures(), root.fork(1),
                out);

        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("start", a.start());
        o.put("chains", a.chains());
        o.put("steps", a.steps());
        o.set("sampler", Results.samplerJson(sampler, m.ex().context.registry()));
        ObjectNode rand = o.putObject("randomness");
        rand.put("seed", seed);
        rand.put("stream", stream);
        rand.put("starts", "Rng(seed).fork(stream).fork(0)");
        rand.put("chains", "Rng(seed).fork(stream).fork(1), group g of 250 chains: .fork(g)");
        if (starts.testIndices() != null) {
            Results.ints(o.putArray("start_test_indices"), starts.testIndices());
        }
        Results.ints(o.putArray("record_steps"), steps);

        Classifier.Classified end = judge.classifier().classify(r.finals(), m.ex().data.bounds());
        ObjectNode e = o.putObject("end");
        endScores(e, end, r.finals(), judge);

        ArrayNode hists = o.putArray("class_histograms");
        for (int k = 0; k < steps.length; k++) {
            int[] col = column(r.classes(), k);
            ObjectNode h = hists.addObject();
            h.put("step", steps[k]);
            histogram(h, col, judge);
        }

        int n = a.chains();
        double[] testEnergy = m.testEnergies();
        double threshold = ChainMetrics.quantile(testEnergy, ChainMetrics.DEEP_HOLE_PERCENTILE);
        int[] changes = new int[n];
        int[] distinct = new int[n];
        double[] frequent = new double[n];
        boolean[] hole = new boolean[n];
        int holes = 0;
        for (int i = 0; i < n; i++) {
            changes[i] = ChainMetrics.changes(r.classes()[i]);
            distinct[i] = ChainMetrics.distinct(r.classes()[i]);
            frequent[i] = ChainMetrics.mostFrequentFraction(r.classes()[i]);
            double last = r.energies()[i][steps.length - 1];
            hole[i] = ChainMetrics.deepHole(r.classes()[i], steps, last, threshold);
            holes += hole[i] ? 1 : 0;
        }
        ObjectNode tr = o.putObject("trace");
        Results.spread(tr.putObject("changes"), ChainMetrics.Spread.ofInts(changes));
        Results.spread(tr.putObject("distinct"), ChainMetrics.Spread.ofInts(distinct));
        Results.spread(tr.putObject("most_frequent_fraction"), ChainMetrics.Spread.of(frequent));
        tr.put("deep_hole_fraction", (double) holes / n);
        tr.put("deep_hole_threshold", threshold);
        tr.put("test_energy_median", ChainMetrics.quantile(testEnergy, 0.5));
        double[] finalE = Arrays.stream(r.energies()).mapToDouble(row -> row[row.length - 1]).toArray();
        Results.spread(tr.putObject("final_energy"), ChainMetrics.Spread.of(finalE));

        if (ChainStarts.fromTest(a.start())) {
            ObjectNode ft = o.putObject("from_test");
            // the start images and the end points are classified on their own, not read from the trace
            int[] startClass = judge.classifier().classify(starts.x(), m.ex().data.bounds()).classes();
            int kept = 0;
            for (int i = 0; i < n; i++) {
                kept += startClass[i] == end.classes()[i] ? 1 : 0;
            }
            ft.put("kept_fraction", (double) kept / n);
            Distances d = Distances.between(starts.x(), r.finals(), m.ex().data.bounds());
            Results.spread(ft.putObject("distance"), ChainMetrics.Spread.of(d.l2()));
            ft.put("mean_abs_pixel_change", Arrays.stream(d.meanAbs()).average().orElse(Double.NaN));
        }

        ArrayNode cls = o.putArray("classes");
        ArrayNode en = o.putArray("energies");
        for (int i = 0; i < n; i++) {
            Results.ints(cls.addArray(), r.classes()[i]);
            ArrayNode row = en.addArray();
            for (double v : r.energies()[i]) {
                Results.number(row, v);
            }
        }
        o.put("seconds", r.seconds());
        try {
            Nd4j.writeAsNumpy(starts.x(), dir.resolve("starts.npy").toFile());
            Nd4j.writeAsNumpy(r.finals(), dir.resolve("finals.npy").toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write into " + dir, ex);
        }
        Figures.strip(r, m.ex().data, a.id() + ", " + m.label(), dir.resolve("strip.png"));
        return o;
    }

    /** Class histogram, entropy, top-class probability and Fréchet distance (with its floor) of the end points. */
    private static void endScores(ObjectNode e, Classifier.Classified end, INDArray finals, Judge judge) {
        int n = end.classes().length;
        histogram(e, end.classes(), judge);
        double top = 0;
        for (double[] p : end.probabilities()) {
            top += Arrays.stream(p).max().orElse(0) / n;
        }
        e.put("top_probability", top);
        if (n >= 2) {
            Results.number(e, "frechet", dev.ebm.runner.eval.image.FrechetDistance.between(
                    dev.ebm.runner.eval.image.FeatureStats.of(end.features()), judge.reference()));
            Results.number(e, "frechet_floor", judge.floor(n));
        }
    }

    private static void histogram(ObjectNode node, int[] classes, Judge judge) {
        ClassHistogram h = ClassHistogram.of(classes, judge.classNames().size());
        ObjectNode hist = node.putObject("class_histogram");
        int best = 0;
        for (int c = 0; c < h.counts().length; c++) {
            hist.put(judge.classNames().get(c), h.counts()[c]);
            best = h.counts()[c] > h.counts()[best] ? c : best;
        }
        node.put("class_entropy", h.entropy());
        node.put("most_common_class", judge.classNames().get(best));
        node.put("most_common_fraction", classes.length == 0 ? Double.NaN : (double) h.counts()[best] / classes.length);
    }

    private static int[] column(int[][] m, int k) {
        return Arrays.stream(m).mapToInt(row -> row[k]).toArray();
    }
}
