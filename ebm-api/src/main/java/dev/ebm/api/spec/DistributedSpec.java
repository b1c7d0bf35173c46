package dev.ebm.api.spec;

/**
 * Data-parallel training ({@code train.distributed}): {@code workers} workers, started together by an engine, each
 * with its share of every step's batch and chains and its own persistent chains, average their gradients (weighted
 * by their share of the batch) every step and so keep identical parameters. docs/DISTRIBUTED.md.
 *
 * @param engine the engine that runs the workers, e.g. {@code spark} (an optional module on the class path)
 * @param workers the number of workers (default 2)
 * @param master where the engine runs them, in its own syntax (Spark: {@code local[N]}, {@code spark://HOST:PORT},
 *     {@code k8s://https://HOST:PORT}); absent for the engine's default ({@code local[workers × threads]})
 * @param threads native threads of each worker (default 1)
 * @param exchange how the workers exchange gradients every step: {@code barrier} (default), the engine's own
 *     all-gather (Spark: the barrier context's, which waits in steps of a second), or {@code socket}, a TCP
 *     connection from every worker to worker 0 set up through the engine's all-gather
 */
public record DistributedSpec(
        @Required("an engine id, e.g. spark") @Matches(value = "[a-z][a-z0-9-]*",
                message = "must be an engine id such as spark") String engine,
        @Default("2") @Range(min = 1) Integer workers,
        String master,
        @Default("1") @Range(min = 1) Integer threads,
        @Default("barrier") @OneOf({"barrier", "socket"}) String exchange) {

    public DistributedSpec {
        Checks c = new Checks(DistributedSpec.class);
        engine = c.field("engine", engine);
        workers = c.field("workers", workers);
        threads = c.field("threads", threads);
        exchange = c.field("exchange", exchange);
        c.check(master == null || !master.isBlank(), "master", "must not be empty; leave it out for the engine's "
                + "default");
        c.done();
    }
}
