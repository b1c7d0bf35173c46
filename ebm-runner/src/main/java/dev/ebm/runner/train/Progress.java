package dev.ebm.runner.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long loop: a progress bar on a terminal, plain lines (about every 5 % or 30 s) otherwise.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream plain;
    private final long total;
    private final String task;
    private long lastPrinted = -1;
    private long lastTime = System.nanoTime();

    public Progress(String task, long start, long total, boolean terminal, PrintStream plainOut) {
        this.task = task;
        this.total = total;
        if (terminal) {
            this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).startsFrom(start, java.time.Duration.ZERO).build();
            this.plain = null;
        } else {
            this.bar = null;
            this.plain = plainOut;
        }
    }

    /** Reports that {@code done} steps are complete, with a short status such as the current loss. */
    public void update(long done, String status) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(status);
            return;
        }
        long now = System.nanoTime();
        long every = Math.max(1, total / 20);
        if (done == total || done / every != lastPrinted / every || now - lastTime > 30_000_000_000L) {
            plain.printf("%s %d/%d (%.0f%%) %s%n", task, done, total, 100.0 * done / total, status);
            plain.flush();
            lastPrinted = done;
            lastTime = now;
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
