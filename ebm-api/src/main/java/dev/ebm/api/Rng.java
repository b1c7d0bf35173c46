package dev.ebm.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An explicit, splittable random generator: a key plus a counter.
 *
 * <p>Every draw consumes one counter value and derives its randomness from {@code (key, counter)} alone, so a
 * generator's whole state is two longs ({@link #state()}), and {@link #fork(long)} gives streams that depend only
 * on the key and the stream number (e.g. one per training step: a resumed run sees the same randomness). Array
 * draws seed ND4J's thread-local native generator from the derived value; nothing else in the framework keeps a
 * generator of its own. Not thread-safe: split one per thread.
 */
public final class Rng {
    private final long key;
    private long counter;

    public Rng(long seed) {
        this(mix(seed ^ 0x3C6EF372FE94F82AL), 0);
    }

    private Rng(long key, long counter) {
        this.key = key;
        this.counter = counter;
    }

    /** Rebuilds a generator from {@link #state()}. */
    public static Rng fromState(long[] state) {
        return new Rng(state[0], state[1]);
    }

    /** {@code [key, counter]}: enough to continue exactly where this generator is. */
    public long[] state() {
        return new long[] {key, counter};
    }

    /** A new independent generator; consumes one draw of this one. */
    public Rng split() {
        return new Rng(mix(nextLong() ^ 0x9E3779B97F4A7C15L), 0);
    }

    /** The generator of stream {@code stream}; does not consume anything from this one. */
    public Rng fork(long stream) {
        return new Rng(mix(key + mix(stream + 0x632BE59BD9B4E019L)), 0);
    }

    public long nextLong() {
        return mix(key + 0x9E3779B97F4A7C15L * ++counter);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Standard normal draws of the given shape. */
    public INDArray normal(DataType dtype, long... shape) {
        Nd4j.getRandom().setSeed(nextLong());
        return Nd4j.randn(dtype, shape);
    }

    /**
     * Normal draws with mean 0 and standard deviation {@code std} of the given shape, in one native op (the same
     * values as {@code normal(dtype, shape).muli(std)} up to rounding).
     */
    public INDArray normal(DataType dtype, double std, long... shape) {
        Nd4j.getRandom().setSeed(nextLong());
        INDArray out = Nd4j.createUninitialized(dtype, shape);
        return Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, std), Nd4j.getRandom());
    }

    /** Uniform draws in {@code [0, 1)} of the given shape. */
    public INDArray uniform(DataType dtype, long... shape) {
        Nd4j.getRandom().setSeed(nextLong());
        return Nd4j.rand(dtype, shape);
    }

    /** SplitMix64's finaliser: a bijective mix of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
