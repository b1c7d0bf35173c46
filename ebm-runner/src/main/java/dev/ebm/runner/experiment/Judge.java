package dev.ebm.runner.experiment;

import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.chains.ChainStarts;
import dev.ebm.runner.chains.TestSplit;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.classifier.ClassifierCache;
import dev.ebm.runner.classifier.ClassifierConfig;
import dev.ebm.runner.eval.image.EvalSets;
import dev.ebm.runner.eval.image.FeatureStats;
import dev.ebm.runner.eval.image.FrechetDistance;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What scores the analyses of one data set: the evaluation classifier (docs/EVALUATION.md, from the cache beside the
 * data), the test split in the runs' scale (chain starts, test energies) and the classifier features of the whole
 * test split (the reference of every Fréchet distance).
 *
 * @param dataset the data source's type id
 * @param classifier the cached evaluation classifier
 * @param classifierDir where it is cached (recorded with every result)
 * @param test the test split in the runs' scale
 * @param reference the test split's feature statistics
 * @param classNames a name per class
 */
record Judge(String dataset, Classifier classifier, Path classifierDir, LabelledData test, FeatureStats reference,
        List<String> classNames, Map<Integer, Double> floors) {

    /** The judge of {@code data}'s data set; trains the classifier when the cache has none. */
    static Judge of(DataSpec data, PluginRegistry registry, PrintStream out) {
        EvalSets sets = EvalSets.of(data, registry).get().orElseThrow(() -> new SpecException("data",
                "is not a labelled image data set with a test split: the experiment's analyses need one"));
        ClassifierCache.Entry entry = ClassifierCache.standard().obtain(sets.dataset(), sets.train(), sets.test(),
                ClassifierConfig.DEFAULT, false, out, false);
        LabelledData test = TestSplit.of(data, registry);
        INDArray all = sets.test().samples(0, sets.test().size(), DataType.FLOAT);
        FeatureStats ref = FeatureStats.of(entry.classifier().classify(all, sets.test().bounds()).features());
        return new Judge(sets.dataset(), entry.classifier(), entry.dir(), test, ref, sets.test().classNames(),
                new HashMap<>());
    }

    /** The squared Fréchet distance of the features of {@code x} (in the box of the test split) to the test set. */
    double frechet(INDArray x) {
        return FrechetDistance.between(FeatureStats.of(classifier.classify(x, test.bounds()).features()), reference);
    }

    /**
     * The Fréchet distance of {@code n} test images (a fixed random choice, {@code Rng(0)}) to the whole test
     * set: the value a perfect sampler would get with n samples, since the plug-in estimate is biased upwards by
     * O(d²/n). Cached per n.
     */
    double floor(int n) {
        return floors.computeIfAbsent(n, k -> {
            if (k < 2) {
                return Double.NaN;
            }
            ChainStarts s = ChainStarts.draw("test", Math.min(k, test.size()), test, test.bounds(), DataType.FLOAT,
                    new Rng(0));
            return frechet(s.x());
        });
    }
}
