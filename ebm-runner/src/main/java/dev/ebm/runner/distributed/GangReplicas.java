package dev.ebm.runner.distributed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.train.Replicas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The workers of a {@link Gang} training one model. Worker r's share of a total T is T / n, plus one for the first
 * T mod n workers; its gradient's weight is its share of the batch over the batch (the spec makes its chains the same
 * share). Every step one all-gather carries each worker's metrics and gradients; each worker sums them in rank order
 * with those weights, so all get the same bits, and with one worker the gradient is multiplied by exactly 1. Worker r
 * draws from the step's random stream forked by r (worker 0 from the step's stream itself, as a single process does).
 */
public final class GangReplicas implements Replicas {
    /** The checkpoint metadata key holding the number of workers that wrote it. */
    public static final String WORKERS = "workers";
    private final Gang gang;
    private final double[] weights;
    private long exchanges;
    private long exchangeNanos;

    /** @param batch the spec's {@code train.batch} (all workers together) */
    public GangReplicas(Gang gang, int batch) {
        this.gang = gang;
        this.weights = new double[gang.size()];
        for (int r = 0; r < weights.length; r++) {
            weights[r] = (double) share(batch, r, weights.length) / batch;
        }
    }

    /** Worker {@code rank}'s share of {@code total} among {@code n} workers. */
    static int share(int total, int rank, int n) {
        return total / n + (rank < total % n ? 1 : 0);
    }

    @Override
    public int rank() {
        return gang.rank();
    }

    @Override
    public int size() {
        return gang.size();
    }

    @Override
    public int share(int total) {
        return share(total, gang.rank(), gang.size());
    }

    @Override
    public Rng stream(Rng step) {
        return gang.rank() == 0 ? step : step.fork(gang.rank());
    }

    @Override
    public void average(List<INDArray> grads, double[] metrics) {
        long t0 = System.nanoTime();
        byte[][] all = gang.allGather(ArrayCodec.encodeStep(metrics, grads));
        exchangeNanos += System.nanoTime() - t0;
        exchanges++;
        double[] sum = new double[metrics.length];
        List<INDArray> acc = null;
        for (int r = 0; r < all.length; r++) {
            double[] m = ArrayCodec.metrics(all[r]);
            List<INDArray> g = ArrayCodec.arrays(all[r], grads);
            for (int i = 0; i < sum.length; i++) {
                sum[i] = r == 0 ? weights[r] * m[i] : sum[i] + weights[r] * m[i];
            }
            for (int i = 0; i < g.size(); i++) {
                g.get(i).muli(weights[r]);
            }
            if (acc == null) {
                acc = g;
            } else {
                for (int i = 0; i < g.size(); i++) {
                    acc.get(i).addi(g.get(i));
                }
            }
        }
        System.arraycopy(sum, 0, metrics, 0, sum.length);
        for (int i = 0; i < grads.size(); i++) {
            grads.get(i).assign(acc.get(i));
        }
    }

    @Override
    public Map<String, Map<String, INDArray>> gather(Map<String, Map<String, INDArray>> local) {
        byte[][] all = gang.allGather(ArrayCodec.encodeParts(local));
        if (gang.rank() != 0) {
            return null;
        }
        Map<String, Map<String, INDArray>> out = new LinkedHashMap<>(local);
        for (int r = 1; r < all.length; r++) {
            for (var e : ArrayCodec.decodeParts(all[r]).entrySet()) {
                out.put(prefix(r) + e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @Override
    public Map<String, Map<String, INDArray>> localView(Map<String, Map<String, INDArray>> parts, ObjectNode meta) {
        int wrote = meta == null ? 1 : meta.path(WORKERS).asInt(1);
        if (wrote != gang.size()) {
            throw new IllegalStateException("the checkpoint was written by " + wrote + " worker(s); "
                    + "train.distributed.workers is " + gang.size() + ": each worker resumes its own chains, so "
                    + "resume with " + wrote + " worker(s)");
        }
        if (gang.rank() == 0) {
            return parts;
        }
        String mine = prefix(gang.rank());
        Map<String, Map<String, INDArray>> view = new LinkedHashMap<>();
        parts.forEach((name, part) -> {
            if (name.startsWith(mine)) {
                view.put(name.substring(mine.length()), part);
            } else if (!"negatives".equals(name) && !name.matches("objective\\d+") && !name.startsWith("worker")) {
                view.put(name, part);
            }
        });
        view.putIfAbsent("negatives", Map.of());
        return view;
    }

    @Override
    public void describe(ObjectNode meta) {
        meta.put(WORKERS, gang.size());
    }

    /**
     * The mean wall time, in seconds, this worker spent per step in the all-gather of gradients: the exchange itself
     * and the wait for the slowest worker; NaN before the first step.
     */
    public double meanExchangeSeconds() {
        return exchanges == 0 ? Double.NaN : exchangeNanos / 1e9 / exchanges;
    }

    /** The prefix of worker r's own parts in a checkpoint: {@code worker<r>.}. */
    static String prefix(int r) {
        return "worker" + r + ".";
    }
}
