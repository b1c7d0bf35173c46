package dev.ebm.runner;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.run.MetricsSink;
import dev.ebm.api.run.RunClock;
import dev.ebm.api.run.RunDirectory;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.autodiff.Tensor;
import jakarta.inject.Inject;

/** A test plugin: maximum likelihood that injects every runner service and reports through them. */
public final class ProbeTerm implements ObjectiveTerm {
    /** What the last wired term was given, for the test to check. */
    static volatile ProbeTerm last;

    @Inject
    MetricsSink metrics;
    @Inject
    RunClock clock;
    @Inject
    ExperimentSpec spec;
    @Inject
    RunDirectory dir;
    System.Logger log;
    int calls;

    @Inject
    void logger(System.Logger logger) {
        this.log = logger;
        last = this;
    }

    @Override
    public Tensor loss(TrainBatch batch) {
        calls++;
        metrics.record("probe_calls", calls);
        metrics.record("probe_clock_s", clock.nanoTime() / 1e9);
        return batch.ePos().mean().sub(batch.eNeg().mean());
    }
}
