package dev.ebm.runner.eval.image;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (Heusel et al. 2017's FID, here in the
 * features of our own classifier): d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½), in squared feature units.
 *
 * <p>Computed in float64 with symmetric eigen-decompositions (Hipparchus): Σ₁^½ = V diag(√λ) Vᵀ, then the trace
 * of the square root of the symmetric matrix Σ₁^½ Σ₂ Σ₁^½ is Σ √λᵢ over its eigenvalues. Eigenvalues that round
 * below zero (covariances are positive semi-definite) count as zero.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /** The squared Fréchet distance between the Gaussians of {@code a} and {@code b} (≥ 0 up to rounding). */
    public static double between(FeatureStats a, FeatureStats b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("feature dimensions differ: " + a.dimension() + " and "
                    + b.dimension());
        }
        int d = a.dimension();
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
            traces += a.covariance()[i][i] + b.covariance()[i][i];
        }
        RealMatrix rootA = sqrtPsd(MatrixUtils.createRealMatrix(a.covariance()));
        RealMatrix m = rootA.multiply(MatrixUtils.createRealMatrix(b.covariance())).multiply(rootA);
        return meanTerm + traces - 2 * traceSqrtPsd(m);
    }

    /** The symmetric square root of a positive semi-definite matrix (negative rounding noise clipped to 0). */
    static RealMatrix sqrtPsd(RealMatrix s) {
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(symmetrised(s));
        double[] lambda = e.getEigenvalues();
        double[] root = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            root[i] = Math.sqrt(Math.max(lambda[i], 0));
        }
        RealMatrix v = e.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(root)).multiply(e.getVT());
    }

    /** tr(S^½) = Σ √λᵢ for a positive semi-definite S. */
    static double traceSqrtPsd(RealMatrix s) {
        double sum = 0;
        for (double l : new EigenDecompositionSymmetric(symmetrised(s)).getEigenvalues()) {
            sum += Math.sqrt(Math.max(l, 0));
        }
        return sum;
    }

    private static RealMatrix symmetrised(RealMatrix s) {
        return s.add(s.transpose()).scalarMultiply(0.5);
    }
}
