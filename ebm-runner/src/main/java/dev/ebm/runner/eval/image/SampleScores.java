package dev.ebm.runner.eval.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The classifier's verdict on one set of image samples: the histogram of argmax classes and its entropy, the
 * distribution of the top-class probability, and the Fréchet distance between the classifier features of the
 * samples and of the test set.
 *
 * @param count samples scored
 * @param classes the argmax-class histogram
 * @param topProbability mean and quantiles ({@link #QUANTILES}) of each sample's largest class probability
 * @param frechet the squared Fréchet distance to the test set's features, or null when refused
 * @param frechetNote why the Fréchet distance was refused (too few samples), or null
 */
public record SampleScores(int count, ClassHistogram classes, double topProbabilityMean,
        double[] topProbabilityQuantiles, Double frechet, String frechetNote) {
    /** The quantiles of the top-class probability reported. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    /** A Fréchet distance needs at least this many samples per feature dimension. */
    public static final int SAMPLES_PER_DIMENSION = 10;

    /**
     * Scores samples from the classifier's output on them.
     *
     * @param probabilities class probabilities {@code [n][K]}
     * @param features the samples' feature statistics (n vectors of dimension d), or null for none
     * @param reference the test set's feature statistics, or null: no Fréchet distance (the test set itself)
     */
    public static SampleScores of(double[][] probabilities, FeatureStats features, FeatureStats reference) {
        int n = probabilities.length;
        int k = n == 0 ? 0 : probabilities[0].length;
        int[] argmax = new int[n];
        double[] top = new double[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            argmax[i] = best;
            top[i] = probabilities[i][best];
        }
        double mean = Arrays.stream(top).average().orElse(Double.NaN);
        Arrays.sort(top);
        double[] q = new double[QUANTILES.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = quantile(top, QUANTILES[j]);
        }
        Double frechet = null;
        String note = null;
        int needed = reference == null ? 0 : SAMPLES_PER_DIMENSION * reference.dimension();
        if (reference == null || features == null) {
            note = null;
        } else if (n < needed) {
            note = "needs at least " + SAMPLES_PER_DIMENSION + "·d = " + needed + " samples for d = "
                    + reference.dimension() + " features, found " + n;
        } else {
            frechet = FrechetDistance.between(features, reference);
        }
        return new SampleScores(n, ClassHistogram.of(argmax, k), mean, q, frechet, note);
    }

    /** The type-7 quantile (linear interpolation between order statistics) of sorted values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Writes the scores into {@code node} (the fields of {@code eval.json} documented in docs/EVALUATION.md). */
    public void writeTo(ObjectNode node, java.util.List<String> classNames) {
        node.put("count", count);
        ObjectNode hist = node.putObject("class_histogram");
        for (int c = 0; c < classes.counts().length; c++) {
            hist.put(classNames.get(c), classes.counts()[c]);
        }
        node.put("class_entropy", classes.entropy());
        ObjectNode tp = node.putObject("top_probability");
        tp.put("mean", topProbabilityMean);
        for (int j = 0; j < QUANTILES.length; j++) {
            tp.put("q" + Math.round(100 * QUANTILES[j]), topProbabilityQuantiles[j]);
        }
        if (frechet != null) {
            node.put("frechet", frechet);
        } else if (frechetNote != null) {
            node.putNull("frechet");
            node.put("frechet_note", frechetNote);
        }
    }
}
