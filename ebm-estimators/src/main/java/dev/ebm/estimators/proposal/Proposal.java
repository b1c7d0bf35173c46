package dev.ebm.estimators.proposal;

import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A normalised density q over flattened samples that can be sampled exactly: the proposal of importance sampling,
 * the second distribution of bridge sampling and reverse logistic regression, the base of annealed importance
 * sampling. Any distribution with an exact log-density and exact draws fits here — a fitted Gaussian or mixture, or a
 * generator whose output density is known by change of variables.
 */
public interface Proposal {

    /** Number of coordinates of a flattened sample. */
    int dim();

    /** {@code n} independent draws, {@code [n, dim]} of {@code dtype}, a fresh array. */
    INDArray sample(int n, Rng rng, DataType dtype);

    /** log q(x) in double precision for the rows of {@code x} {@code [n, ...]} (flattened to {@code [n, dim]}). */
    double[] logDensity(INDArray x);

    /** A short description for reports, e.g. {@code gaussian(fitted, scale 1.5)}. */
    String describe();
}
