package dev.ebm.runner.eval.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetProvider;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.classifier.ClassifierCache;
import dev.ebm.runner.classifier.ClassifierConfig;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The known answers on the real data sets, when {@code bin/ebm data fetch} has put them into the data cache (skipped
 * otherwise). The classifier comes from the cache beside the data, trained on first use (a few minutes): its test
 * accuracy reaches 98.5 % on MNIST and 88 % on Fashion-MNIST; two random halves of the MNIST test set are at a
 * Fréchet distance below 1 % of uniform noise's, and each half's class entropy is above 2.25 nats.
 */
class RealDataEvaluationTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static EvalSets sets(String name) {
        Dataset d = DatasetProvider.load().get(name);
        assumeTrue(d != null && d.files().stream().allMatch(f -> Files.isRegularFile(d.cacheDir().resolve(f.name()))),
                name + " is not in the data cache (bin/ebm data fetch " + name + ")");
        DataSpec spec = new SpecBinder(REGISTRY).bind(JsonNodeFactory.instance.objectNode().put("type", name),
                DataSpec.class);
        return EvalSets.of(spec, REGISTRY).get().orElseThrow();
    }

    private static Classifier classifier(EvalSets s) {
        return ClassifierCache.standard().obtain(s.dataset(), s.train(), s.test(), ClassifierConfig.DEFAULT, false,
                System.out, false).classifier();
    }

    /** The rows {@code idx} of {@code x} {@code [n, d]}. */
    private static INDArray rows(INDArray x, int[] idx) {
        return x.getRows(idx);
    }

    private static double[][] rows(double[][] p, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = p[idx[i]];
        }
        return out;
    }

    /**
     * The test set split at random into two halves of 5,000 (a fixed permutation): two samples of one distribution.
     * The file's own halves are not: MNIST's first 5,000 test digits come from other writers than its last 5,000
     * (NIST SD-3 and SD-1), and their distance is printed for comparison only.
     */
    @Test
    void mnistTestHalvesAreCloseAndDiverseAndNoiseIsFar() {
        EvalSets s = sets("mnist");
        Classifier c = classifier(s);
        assertThat(c.testAccuracy()).isGreaterThanOrEqualTo(0.985);
        LabelledData test = s.test();
        int n = test.size();
        Classifier.Classified all = c.classify(test.samples(0, n, DataType.FLOAT), test.bounds());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Rng rng = new Rng(17);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] first = java.util.Arrays.copyOfRange(order, 0, n / 2);
        int[] second = java.util.Arrays.copyOfRange(order, n / 2, n);
        FeatureStats statsB = FeatureStats.of(rows(all.features(), second));
        SampleScores halves = SampleScores.of(rows(all.probabilities(), first), FeatureStats.of(rows(all.features(),
                first)), statsB);
        SampleScores other = SampleScores.of(rows(all.probabilities(), second), null, null);
        INDArray noise = new Rng(5).uniform(DataType.FLOAT, n / 2, 1, 28, 28);
        Classifier.Classified nc = c.classify(noise, test.bounds());
        SampleScores noisy = SampleScores.of(nc.probabilities(), FeatureStats.of(nc.features()), statsB);
        int[] fileFirst = new int[n / 2];
        int[] fileSecond = new int[n / 2];
        for (int i = 0; i < n / 2; i++) {
            fileFirst[i] = i;
            fileSecond[i] = n / 2 + i;
        }
        double fileHalves = FrechetDistance.between(FeatureStats.of(rows(all.features(), fileFirst)),
                FeatureStats.of(rows(all.features(), fileSecond)));
        System.out.printf("mnist: classifier test accuracy %.4f; random halves: frechet %.4f, class entropy %.4f / "
                + "%.4f, top-p %.4f; uniform noise: frechet %.2f (ratio %.5f), entropy %.3f, top-p %.3f; the file's "
                + "halves (other writers): frechet %.3f%n", c.testAccuracy(), halves.frechet(),
                halves.classes().entropy(), other.classes().entropy(), halves.topProbabilityMean(), noisy.frechet(),
                halves.frechet() / noisy.frechet(), noisy.classes().entropy(), noisy.topProbabilityMean(), fileHalves);
        assertThat(halves.frechet()).isLessThan(0.01 * noisy.frechet());
        assertThat(halves.classes().entropy()).isGreaterThan(2.25);
        assertThat(other.classes().entropy()).isGreaterThan(2.25);
    }

    @Test
    void fashionMnistClassifierReachesItsAccuracy() {
        EvalSets s = sets("fashion-mnist");
        Classifier c = classifier(s);
        System.out.printf("fashion-mnist: classifier test accuracy %.4f%n", c.testAccuracy());
        assertThat(c.testAccuracy()).isGreaterThanOrEqualTo(0.88);
    }
}
