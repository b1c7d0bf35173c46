package dev.ebm.api;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an energy may offer beyond its values when its density is known in closed form (the analytic energies): the
 * exact log normalising constant and exact, independent draws. Estimators of log Z are checked against
 * {@link #logZ()}, and reverse estimators (reverse importance sampling, reverse AIS) are valid only from exact draws,
 * which {@link #sample} gives.
 */
public interface AnalyticDensity {

    /** log Z = log ∫ exp(−E(x)) dx for the energy E this object is, exactly (to rounding). */
    double logZ();

    /**
     * {@code n} independent exact draws from exp(−E(x))/Z.
     *
     * @return a fresh array {@code [n, ...sample shape]} of {@code dtype}
     */
    INDArray sample(int n, Rng rng, DataType dtype);
}
