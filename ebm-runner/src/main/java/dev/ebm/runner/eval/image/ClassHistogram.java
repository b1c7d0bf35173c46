package dev.ebm.runner.eval.image;

/**
 * How a set of samples spreads over the classifier's classes: the count of each argmax class and the entropy of
 * that histogram, H = −Σ p_k ln p_k with p_k = count_k / n, in nats (0 when every sample has one class, ln K when
 * the K classes are equally frequent).
 *
 * @param counts samples per class, {@code [K]}
 */
public record ClassHistogram(long[] counts) {

    public ClassHistogram {
        counts = counts.clone();
    }

    /** The histogram of {@code classes} (each in [0, k)). */
    public static ClassHistogram of(int[] classes, int k) {
        long[] counts = new long[k];
        for (int c : classes) {
            counts[c]++;
        }
        return new ClassHistogram(counts);
    }

    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The entropy of the class frequencies in nats; 0 for an empty set. */
    public double entropy() {
        double n = total();
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
