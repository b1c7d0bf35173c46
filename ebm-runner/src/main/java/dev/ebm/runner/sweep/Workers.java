package dev.ebm.runner.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * How many runs a sweep runs at a time ({@code workers}) and how many native threads each gets ({@code threads}),
 * so that workers × threads never exceeds the cores: oversubscribed native threads slowed training about twentyfold.
 * Threads default to 1 (as fast as 2 for the small networks of the toy examples), workers to cores / threads. A
 * request above the cores is clamped, with a note saying so.
 *
 * @param notes what was clamped, one sentence each
 */
public record Workers(int workers, int threads, List<String> notes) {

    /**
     * Chooses workers and threads.
     *
     * @param workers requested workers, or null
     * @param threads requested threads per run, or null
     * @param cores available cores
     * @throws IllegalArgumentException for a request below 1
     */
    public static Workers choose(Integer workers, Integer threads, int cores) {
        if (workers != null && workers < 1 || threads != null && threads < 1) {
            throw new IllegalArgumentException("--workers and --threads must be >= 1, found " + workers + " and "
                    + threads);
        }
        List<String> notes = new ArrayList<>();
        int t = threads == null ? 1 : threads;
        if (t > cores) {
            notes.add("--threads " + t + " exceeds the " + cores + " available cores: using " + cores);
            t = cores;
        }
        int most = Math.max(1, cores / t);
        int w = workers == null ? most : workers;
        if (w > most) {
            notes.add("--workers " + w + " x " + t + " thread(s) exceeds the " + cores + " available cores: using "
                    + most + " worker(s)");
            w = most;
        }
        return new Workers(w, t, List.copyOf(notes));
    }
}
