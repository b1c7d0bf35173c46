package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import java.util.List;

/**
 * Concentric rings of equal weight with radial Gaussian noise: x = r·(cos θ, sin θ), θ ~ U[0, 2π), ring k uniform,
 * r ~ N(r_k, σ²).
 *
 * <p>Exact density: the map (r, θ) ↦ x covers each x ≠ 0 twice, from (ρ, φ) and (−ρ, φ + π) with ρ = |x|, with
 * Jacobian |r|, so p(x) = [p_r(ρ) + p_r(−ρ)] / (2πρ) with p_r the 1-D mixture (1/K) Σ N(r; r_k, σ²). It has an
 * integrable 1/ρ singularity at the origin (p(0) = +∞ unless p_r(0) underflows), of negligible mass when every
 * radius is several σ. Bounds: ± (largest radius + 4σ).
 */
public final class Rings extends Toy2d {
    private final double[] radii;
    private final double std;
    private final double logNorm;
    private final Box bounds;

    public Rings(List<Double> radii, double std) {
        this.radii = radii.stream().mapToDouble(Double::doubleValue).toArray();
        this.std = std;
        // log(1/K) + log(1/(σ√(2π))) + log(1/(2π))
        this.logNorm = -Math.log(this.radii.length) - Math.log(std * Math.sqrt(2 * Math.PI)) - Math.log(2 * Math.PI);
        double max = 0;
        for (double r : this.radii) {
            max = Math.max(max, Math.abs(r));
        }
        double b = max + 4 * std;
        this.bounds = Box.uniform(2, -b, b);
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    @Override
    void sample(Rng rng, Normals normals, double[] out, int at) {
        int k = rng.nextInt(radii.length);
        double theta = 2 * Math.PI * rng.nextDouble();
        double r = radii[k] + std * normals.next();
        out[at] = r * Math.cos(theta);
        out[at + 1] = r * Math.sin(theta);
    }

    @Override
    double logDensity(double x, double y) {
        double rho = Math.hypot(x, y);
        int k = radii.length;
        double[] terms = new double[2 * k];
        double twoVar = 2 * std * std;
        for (int i = 0; i < k; i++) {
            double a = rho - radii[i];
            double b = rho + radii[i];
            terms[2 * i] = -a * a / twoVar;
            terms[2 * i + 1] = -b * b / twoVar;
        }
        return logNorm + logSumExp(terms, 2 * k) - Math.log(rho);
    }
}
