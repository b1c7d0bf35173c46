package dev.ebm.testkit;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Goodness-of-fit tests on chain output (commons-statistics), with results that print well. */
public final class Stats {
    private Stats() {}

    /** A one-sample Kolmogorov–Smirnov result: the statistic D = sup |F_n − F| and its p-value. */
    public record Ks(double d, double p, int n) {
        @Override
        public String toString() {
            return String.format("KS D = %.5f, p = %.3g (n = %d)", d, p, n);
        }
    }

    /** A chi-square goodness-of-fit result. */
    public record ChiSquare(double statistic, int degreesOfFreedom, double p) {
        @Override
        public String toString() {
            return String.format("chi2 = %.2f, df = %d, p = %.3g", statistic, degreesOfFreedom, p);
        }
    }

    /** All values of an array, in row-major order, as doubles. */
    public static double[] doubles(INDArray a) {
        return org.nd4j.linalg.factory.Nd4j.toFlattened('c', a).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Coordinate j of every chain, the samples flattened to {@code [N, D]}. */
    public static double[] column(INDArray x, int j) {
        long n = x.size(0);
        INDArray flat = x.reshape('c', n, x.length() / n);
        return flat.getColumn(j).castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** One-sample two-sided Kolmogorov–Smirnov test of {@code sample} against the CDF {@code cdf}. */
    public static Ks ks(double[] sample, DoubleUnaryOperator cdf) {
        KolmogorovSmirnovTest.OneResult r = KolmogorovSmirnovTest.withDefaults().test(sample, cdf);
        return new Ks(r.getStatistic(), r.getPValue(), sample.length);
    }

    /**
     * Chi-square goodness-of-fit test of bin counts against bin probabilities (which must sum to 1 over the bins
     * given, so include an overflow bin when the bins do not cover the support).
     */
    public static ChiSquare chiSquare(long[] observed, double[] probabilities) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double[] expected = new double[probabilities.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = probabilities[i] * n;
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(expected, observed);
        return new ChiSquare(r.getStatistic(), observed.length - 1, r.getPValue());
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The unbiased sample variance. */
    public static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
