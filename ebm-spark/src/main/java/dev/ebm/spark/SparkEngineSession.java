package dev.ebm.spark;

import dev.ebm.runner.engine.EngineSession;
import dev.ebm.runner.engine.GangException;
import dev.ebm.runner.engine.GangTask;
import dev.ebm.runner.engine.RunExecutor;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/** A Spark context for one command: sweep runs as one-task jobs, gangs as barrier stages. */
final class SparkEngineSession implements EngineSession {
    private final JavaSparkContext jsc;
    private final Master master;
    private final int cores;
    private final int threads;
    private final SparkRunExecutor runs;

    SparkEngineSession(JavaSparkContext jsc, Master master, int cores, int threads) {
        this.jsc = jsc;
        this.master = master;
        this.cores = cores;
        this.threads = threads;
        this.runs = new SparkRunExecutor(jsc, master.local());
    }

    @Override
    public String master() {
        return master.url();
    }

    @Override
    public int cores() {
        return cores;
    }

    @Override
    public int threadsPerTask() {
        return threads;
    }

    @Override
    public RunExecutor runs() {
        return runs;
    }

    /**
     * One barrier stage of {@code workers} tasks, one per rank, each running {@code task} with a {@link SparkGang};
     * Spark starts them together and, when one fails, restarts the whole stage
     * ({@code spark.stage.maxConsecutiveAttempts}, default 4).
     */
    @Override
    public <T extends Serializable> List<T> gang(int workers, GangTask<T> task) {
        if (master.local() && workers * threads > cores) {
            throw new IllegalArgumentException(workers + " workers x " + threads + " thread(s) need "
                    + workers * threads + " cores at once (a barrier stage starts every task together); the master "
                    + master.url() + " has " + cores);
        }
        @SuppressWarnings("unchecked")
        ClassTag<T> tag = (ClassTag<T>) (ClassTag<?>) ClassTag$.MODULE$.AnyRef();
        JavaRDD<Integer> ranks = jsc.parallelize(IntStream.range(0, workers).boxed().toList(), workers);
        RDD<T> out = ranks.rdd().barrier().mapPartitions(new GangPartition<>(task, workers), false, tag);
        jsc.setJobGroup("ebm-gang", "ebm: " + workers + " workers", true);
        try {
            return List.copyOf(JavaRDD.fromRDD(out, tag).collect());
        } catch (RuntimeException e) {
            throw new GangException("the Spark barrier stage of " + workers + " workers failed: " + e.getMessage(), e);
        } finally {
            jsc.clearJobGroup();
        }
    }

    @Override
    public void close() {
        runs.stopAll();
        jsc.close();
    }
}
