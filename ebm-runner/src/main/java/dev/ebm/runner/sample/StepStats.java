package dev.ebm.runner.sample;

import dev.ebm.api.StepInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Means over steps of the scalars that kernels report in {@link StepInfo}, kept apart for warm-up and sampling
 * steps. Each {@link Reader} turns one step's info into named numbers; the built-in one reads the mean acceptance
 * ({@code accept_rate}). A kernel that reports more (per-temperature acceptance, swap rates) gets a reader that
 * emits further names, e.g. {@code accept_rate_T1.5} or {@code swap_rate_0_1}; every name read is reported.
 */
public final class StepStats {
    /** Reads named scalars from one step's info; NaN values are skipped. */
    @FunctionalInterface
    public interface Reader {
        void read(StepInfo info, BiConsumer<String, Double> out);
    }

    /** The mean acceptance over chains, for kernels with a Metropolis–Hastings test. */
    public static final Reader ACCEPT_RATE = (info, out) -> out.accept("accept_rate", info.acceptRate());

    /** A step's named diagnostics (replica exchange: {@code accept_rate@T=<t>}, {@code swap_rate@T=<a>:<b>}). */
    public static final Reader DIAGNOSTICS = (info, out) -> info.diagnostics().forEach(out::accept);

    /** The readers {@code bin/ebm sample} uses. */
    public static final List<Reader> DEFAULT_READERS = List.of(ACCEPT_RATE, DIAGNOSTICS);

    private final List<Reader> readers;
    private final Map<String, double[]> warm = new LinkedHashMap<>();
    private final Map<String, double[]> sampling = new LinkedHashMap<>();

    public StepStats(List<Reader> readers) {
        this.readers = List.copyOf(readers);
    }

    /** Adds one step's numbers. */
    public void add(StepInfo info, boolean warmup) {
        Map<String, double[]> into = warmup ? warm : sampling;
        for (Reader r : readers) {
            r.read(info, (name, v) -> {
                if (v != null && !Double.isNaN(v)) {
                    double[] sc = into.computeIfAbsent(name, k -> new double[2]);
                    sc[0] += v;
                    sc[1]++;
                }
            });
        }
    }

    /**
     * Mean of each name over the sampling steps, or over the warm-up steps for names never reported after warm-up
     * (as {@code Chains.run} reports acceptance of a run that was all warm-up).
     */
    public Map<String, Double> means() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : warm.entrySet()) {
            out.put(e.getKey(), e.getValue()[0] / e.getValue()[1]);
        }
        for (var e : sampling.entrySet()) {
            out.put(e.getKey(), e.getValue()[0] / e.getValue()[1]);
        }
        return out;
    }

    /** The mean of {@code name}, or NaN when no step reported it. */
    public double mean(String name) {
        return means().getOrDefault(name, Double.NaN);
    }
}
