package dev.ebm.api;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Updates parameter arrays in place from their gradients. */
public interface Optimizer {

    /**
     * One update.
     *
     * @param params the arrays to update in place
     * @param grads their gradients, in the same order
     * @return the global L2 norm of the gradients before any clipping
     */
    double step(List<INDArray> params, List<INDArray> grads);

    /** State to checkpoint (moments, step count). */
    Map<String, INDArray> state();

    void restore(Map<String, INDArray> state);
}
