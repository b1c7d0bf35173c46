package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How the training loop shares its steps with other workers training the same model (data parallelism). Each worker
 * draws its share of the batch and of the chains with its own random stream, computes its gradient, and
 * {@link #average} turns every worker's gradient into the same weighted mean, so the parameters stay identical.
 * Worker 0 writes the run's files; the workers' own chain state goes into its checkpoints through {@link #gather}.
 * {@link #SINGLE} is one process training alone: every method leaves everything as it is.
 */
public interface Replicas {
    /** One process training alone. */
    Replicas SINGLE = new Replicas() {
        @Override
        public int rank() {
            return 0;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public int share(int total) {
            return total;
        }

        @Override
        public Rng stream(Rng step) {
            return step;
        }

        @Override
        public void average(List<INDArray> grads, double[] metrics) {}

        @Override
        public Map<String, Map<String, INDArray>> gather(Map<String, Map<String, INDArray>> local) {
            return local;
        }

        @Override
        public Map<String, Map<String, INDArray>> localView(Map<String, Map<String, INDArray>> parts,
                ObjectNode meta) {
            return parts;
        }

        @Override
        public void describe(ObjectNode meta) {}
    };

    /** This worker's rank; worker 0 writes metrics, samples and checkpoints. */
    int rank();

    int size();

    /** This worker's share of {@code total} data points (or chains) per step. */
    int share(int total);

    /** This worker's random stream of a step, given the step's stream (worker 0 uses it as it is). */
    Rng stream(Rng step);

    /**
     * Replaces, in place, this worker's gradients and step metrics by their mean over the workers, weighted by each
     * worker's share of the batch; every worker gets the same numbers. Called once per step by every worker.
     */
    void average(List<INDArray> grads, double[] metrics);

    /**
     * The workers' own checkpoint parts (chains, objective memories) of every worker: on worker 0, its own under
     * their names and worker r's under {@code worker<r>.<part>}; elsewhere null (worker 0 writes the checkpoint).
     * Called by every worker at every checkpoint.
     */
    Map<String, Map<String, INDArray>> gather(Map<String, Map<String, INDArray>> local);

    /**
     * A checkpoint's parts as this worker restores them: its own parts under their plain names.
     *
     * @throws IllegalStateException when the checkpoint was written by a different number of workers
     */
    Map<String, Map<String, INDArray>> localView(Map<String, Map<String, INDArray>> parts, ObjectNode meta);

    /** Adds what a checkpoint's metadata records about the workers. */
    void describe(ObjectNode meta);
}
