package dev.ebm.runner.sweep;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The progress line of a running sweep: runs done, running and left, failures, and the time remaining. The estimate
 * starts from the {@link CostModel} prior of every run still to do and, once runs of this invocation have finished,
 * scales that prior by their measured / estimated wall time; a running run counts with its estimate minus the time
 * it has already run. Thread-safe.
 */
public final class SweepProgress {
    private final PrintStream out;
    private final int workers;
    private final int total;
    private final Map<String, Double> estimate = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private int done;
    private int failed;
    private double measured;
    private double measuredEstimate;
    private long lastPrint = System.nanoTime();

    /**
     * @param workers the number of runs at a time
     * @param total the number of runs of the sweep
     * @param alreadyDone runs finished before this invocation
     */
    public SweepProgress(PrintStream out, int workers, int total, int alreadyDone) {
        this.out = out;
        this.workers = workers;
        this.total = total;
        this.done = alreadyDone;
    }

    /** Registers a run still to do with its prior estimate in seconds. */
    public synchronized void pending(String run, double seconds) {
        estimate.put(run, seconds);
    }

    public synchronized void started(String run) {
        started.put(run, System.nanoTime());
        print();
    }

    /** A run ended: finished ({@code ok}) or failed; {@code seconds} is its wall time in this invocation. */
    public synchronized void ended(String run, boolean ok, double seconds) {
        started.remove(run);
        Double est = estimate.remove(run);
        if (ok) {
            done++;
            if (est != null && est > 0) {
                measured += seconds;
                measuredEstimate += est;
            }
        } else {
            failed++;
        }
        print();
    }

    /** Prints the line when a minute has passed since the last one. */
    public synchronized void tick() {
        if (System.nanoTime() - lastPrint > 60_000_000_000L) {
            print();
        }
    }

    /** The estimated seconds until every run still to do has ended. */
    public synchronized double remainingSeconds() {
        double scale = measuredEstimate > 0 ? measured / measuredEstimate : 1.0;
        double work = 0;
        long now = System.nanoTime();
        for (var e : estimate.entrySet()) {
            double s = scale * e.getValue();
            Long t0 = started.get(e.getKey());
            work += t0 == null ? s : Math.max(0, s - (now - t0) / 1e9);
        }
        int parallel = Math.max(1, Math.min(workers, estimate.size()));
        return work / parallel;
    }

    /** The progress line. */
    public synchronized String line() {
        int running = started.size();
        int left = total - done - failed - running;
        double rest = remainingSeconds();
        String eta = estimate.isEmpty() ? "" : String.format(", %s left%s",
                rest < 30 ? "less than a minute" : "about " + CostModel.words(rest),
                measuredEstimate > 0 ? "" : " (prior estimate)");
        return String.format("sweep: %d/%d done, %d running, %d left%s%s", done, total, running, left,
                failed > 0 ? ", " + failed + " failed" : "", eta);
    }

    private void print() {
        out.println(line());
        out.flush();
        lastPrint = System.nanoTime();
    }
}
