package dev.ebm.spark;

import dev.ebm.runner.engine.GangException;
import dev.ebm.runner.engine.GangTask;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/** The body of each task of a gang's barrier stage: runs the task with this partition's rank. */
final class GangPartition<T extends Serializable> extends AbstractFunction1<Iterator<Integer>, Iterator<T>>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private final GangTask<T> task;
    private final int workers;

    GangPartition(GangTask<T> task, int workers) {
        this.task = task;
        this.workers = workers;
    }

    @Override
    public Iterator<T> apply(Iterator<Integer> ranks) {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        T result;
        try {
            result = task.run(new SparkGang(ctx, workers));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new GangException("worker " + ctx.partitionId() + " failed: " + e.getMessage(), e);
        }
        return CollectionConverters.asScala(List.of(result).iterator());
    }
}
