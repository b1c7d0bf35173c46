package dev.ebm.spark;

import dev.ebm.runner.engine.ChildCommand;
import dev.ebm.runner.engine.LocalProcesses;
import dev.ebm.runner.engine.RunExecutor;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs each sweep run as a Spark job of one task, which starts the run's child process where it lands and waits for
 * it ({@link LocalProcesses#shared()}: the executor's children are stopped with it). A nonzero exit code is the
 * task's result, not a task failure, so Spark does not retry a run that failed on its own; a task lost with its
 * executor is retried by Spark ({@code spark.task.maxFailures}) and its child, started again with {@code --resume},
 * continues from the run's last checkpoint. Stopping cancels the jobs, which interrupts the tasks, which stop their
 * children.
 */
final class SparkRunExecutor implements RunExecutor {
    private final JavaSparkContext jsc;
    private final boolean local;
    private final String group = "ebm-sweep-" + UUID.randomUUID();

    SparkRunExecutor(JavaSparkContext jsc, boolean local) {
        this.jsc = jsc;
        this.local = local;
    }

    @Override
    public int run(ChildCommand command, Consumer<String> started) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        // job groups are per thread: each sweep worker thread submits its runs in the sweep's group
        jsc.setJobGroup(group, "ebm run " + command.console(), true);
        JavaFutureAction<List<Integer>> job = jsc.parallelize(List.of(command), 1).map(SparkRunExecutor::runHere)
                .collectAsync();
        started.accept("Spark job " + job.jobIds());
        try {
            return job.get().get(0);
        } catch (InterruptedException e) {
            job.cancel(true);
            throw e;
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("the Spark task failed: " + cause.getMessage(), e);
        }
    }

    /** What the task runs on its executor. */
    static int runHere(ChildCommand command) throws IOException, InterruptedException {
        return LocalProcesses.shared().run(command, where -> {});
    }

    @Override
    public void stopAll() {
        jsc.cancelJobGroup(group);
        if (local) {
            // the tasks' children are this JVM's: make sure they have ended before the caller goes on
            LocalProcesses.shared().stopAll();
        }
    }
}
