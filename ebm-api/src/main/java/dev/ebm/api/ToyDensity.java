package dev.ebm.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A low-dimensional data source whose exact log-density is known, so a trained model can be scored. */
public interface ToyDensity extends DataSource {

    /** Exact log p_data at each row of {@code x} {@code [N, d]}, in double precision; −∞ outside the support. */
    double[] logDensity(INDArray x);
}
