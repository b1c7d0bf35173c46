package dev.ebm.api.traits;

import java.util.Locale;

/**
 * How a negative source starts its chains and what it keeps between training steps, as its provider declares it
 * ({@link dev.ebm.api.plugin.NegativeSourceProvider#chainStart}). The runner reads only this, never a type id: where
 * chains start decides whether a contrastive loss is maximum likelihood or contrastive divergence (Gagnon &amp;
 * Lajoie 2022), so {@code bin/ebm explain} classifies a run from it and {@code bin/ebm train} refuses CD terms
 * unless {@link #startsAtData()}.
 *
 * <ul>
 *   <li>fresh chains from noise at every step ({@link #fromNoise}): short-run MCMC;</li>
 *   <li>fresh chains from the data batch at every step ({@link #fromData}): CD-k;</li>
 *   <li>persistent chains ({@link #persistent}) that start from {@code origin}, are redrawn from it with probability
 *       {@code reinit} per draw and restart at a data point with probability {@code resetToData} per draw:
 *       maximum likelihood with persistent chains, or persistent CD when they start and restart at the data.</li>
 * </ul>
 *
 * @param origin where new chains start
 * @param noise the law of new chains when {@code origin} is {@link Origin#NOISE}, else null
 * @param persistent whether chains continue across training steps (must equal the source's
 *     {@link dev.ebm.api.NegativeSource#persistent()})
 * @param reinit probability, per chain and draw, that a persistent chain is redrawn from {@code origin}; 0 for
 *     sources that are not persistent
 * @param resetToData probability, per chain and draw, that a persistent chain restarts at a data point; 0 for
 *     sources that are not persistent
 */
public record ChainStart(Origin origin, Noise noise, boolean persistent, double reinit, double resetToData) {

    /** Where new chains start. */
    public enum Origin {
        /** Draws from a fixed noise distribution ({@link Noise}). */
        NOISE,
        /** Points of the current data batch, unchanged. */
        DATA,
        /** The source declares nothing: the runner treats its chains as of unknown origin. */
        UNDECLARED
    }

    /**
     * The law of fresh noise starts, coordinate by coordinate and independently.
     *
     * @param law {@code UNIFORM} on [low, high], {@code GAUSSIAN} N(0, std²), or {@code OTHER}
     * @param low lower end of a uniform law, or null for the data's bounding box
     * @param high upper end of a uniform law, or null for the data's bounding box
     * @param std the standard deviation of a Gaussian law (NaN otherwise)
     * @param words the law in a few words, e.g. {@code uniform} or {@code gaussian (std 1)}
     */
    public record Noise(Law law, Double low, Double high, double std, String words) {
        /** The family of a noise law. */
        public enum Law { UNIFORM, GAUSSIAN, OTHER }

        public Noise {
            if (law == null || words == null) {
                throw new IllegalArgumentException("a noise law needs its law and words");
            }
            if ((low == null) != (high == null) || (low != null && !(low < high))) {
                throw new IllegalArgumentException("uniform noise needs low < high (or neither), found [" + low
                        + ", " + high + "]");
            }
            if (law == Law.GAUSSIAN && !(std > 0)) {
                throw new IllegalArgumentException("gaussian noise needs std > 0, found " + std);
            }
        }

        /** Uniform on [low, high] per coordinate, or on the data's bounding box when both are null. */
        public static Noise uniform(Double low, Double high) {
            return new Noise(Law.UNIFORM, low, high, Double.NaN,
                    low == null ? "uniform" : "uniform on [" + low + ", " + high + "]");
        }

        /** N(0, std²) per coordinate. */
        public static Noise gaussian(double std) {
            return new Noise(Law.GAUSSIAN, null, null, std, std == 1.0 ? "gaussian"
                    : "gaussian (std " + std + ")");
        }

        /** Any other law, described in words; contracts cannot test it in distribution. */
        public static Noise other(String words) {
            return new Noise(Law.OTHER, null, null, Double.NaN, words);
        }
    }

    public ChainStart {
        if (origin == null) {
            throw new IllegalArgumentException("a chain start needs its origin");
        }
        if ((origin == Origin.NOISE) != (noise != null)) {
            throw new IllegalArgumentException("a noise law is given exactly when chains start from noise");
        }
        if (!(reinit >= 0 && resetToData >= 0 && reinit + resetToData <= 1)) {
            throw new IllegalArgumentException("reinit and resetToData must be probabilities summing to <= 1, found "
                    + reinit + " and " + resetToData);
        }
        if (!persistent && (reinit != 0 || resetToData != 0)) {
            throw new IllegalArgumentException("reinit and resetToData apply to persistent chains only");
        }
    }

    /** Fresh chains from {@code noise} at every training step (short-run). */
    public static ChainStart fromNoise(Noise noise) {
        return new ChainStart(Origin.NOISE, noise, false, 0, 0);
    }

    /** Fresh chains from the data batch at every training step (CD-k). */
    public static ChainStart fromData() {
        return new ChainStart(Origin.DATA, null, false, 0, 0);
    }

    /**
     * Persistent chains.
     *
     * @param noise the law new chains are drawn from, or null when they start at data points
     */
    public static ChainStart persistent(Noise noise, double reinit, double resetToData) {
        return new ChainStart(noise == null ? Origin.DATA : Origin.NOISE, noise, true, reinit, resetToData);
    }

    /** What a source that declares nothing gets. */
    public static ChainStart undeclared() {
        return new ChainStart(Origin.UNDECLARED, null, false, 0, 0);
    }

    /**
     * Whether the negative phase runs from the data, as contrastive divergence requires: fresh chains from the data
     * batch, or persistent chains that start at the data and restart there with a positive probability (persistent
     * CD, the seed paper's "true CD").
     */
    public boolean startsAtData() {
        return origin == Origin.DATA && (!persistent || resetToData > 0);
    }

    /** Where new chains start, in words: {@code the data} or the noise law's words. */
    public String originWords() {
        return switch (origin) {
            case DATA -> "the data";
            case NOISE -> noise.words() + " noise";
            case UNDECLARED -> "an undeclared origin";
        };
    }

    @Override
    public String toString() {
        return (persistent ? "persistent chains from " : "fresh chains from ") + originWords()
                + (persistent ? String.format(Locale.ROOT, " (reinit %s, resetToData %s)", reinit, resetToData) : "");
    }
}
