package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;

/**
 * The pinwheel of Johnson et al. (2016) / FFJORD: class k uniform among K, f ~ N((1, 0), diag(σr², σt²)),
 * α = 2πk/K + rate·exp(f₀), x = scale·R(−α)·f, i.e. x = scale·(f₀ cos α + f₁ sin α, −f₀ sin α + f₁ cos α).
 *
 * <p>Exact density by change of variables, summed over every preimage. The rotation keeps norms, so a preimage f
 * of x lies on the circle |f| = ρ = |x|/scale; writing f = ρ(cos β, sin β), x's polar angle is φ = β − α, so the
 * preimages of class k are the roots of H(β) ≡ φ + 2πk/K (mod 2π) with H(β) = β − rate·exp(ρ cos β). In polar
 * coordinates the map is (ρ, β) ↦ (scale·ρ, H(β) − 2πk/K), whose Jacobian determinant in the plane is
 * scale²·H'(β) with H'(β) = 1 + rate·ρ·sin β·exp(ρ cos β); hence
 * p(x) = (1/K) Σ_k Σ_{roots β} N(f(β); (1, 0), diag(σr², σt²)) / (scale²·|H'(β)|).
 *
 * <p>The map is not globally one-to-one: H' &lt; 0 on one interval of (−π, 0) once ρ is large (about ρ > 1.7 for the
 * defaults), where the density has fold caustics (integrable, infinite on the fold) and several preimages; they lie
 * many tangential standard deviations out and carry negligible mass for the defaults. H' is found exactly: on
 * (−π, 0), sin β·exp(ρ cos β) has a single minimum (cos β = 2ρ/(1 + √(1 + 4ρ²))), so H is increasing except on
 * one interval [β₁, β₂] around it, whose ends are found by bisection; on each monotone piece every root is bracketed
 * and solved by Newton's method safeguarded with bisection. Where rate·e^ρ exceeds 2π·{@value #MAX_WINDINGS} (ρ > 14.7 for the defaults:
 * |x| > 29, every preimage over 45 standard deviations from (1, 0)) log p is reported as −∞ instead of enumerating that
 * many preimages; there every preimage's Gaussian factor is below e^−(ρ−1)²/(2·max(σr, σt)²).
 * Bounds: ± scale·|(1 + 4σr, 4σt)|.
 */
public final class Pinwheel extends Toy2d {
    private static final double TWO_PI = 2 * Math.PI;
    /** Beyond the radius where H may wind this often, log p is reported as −∞ (see the class comment). */
    static final double MAX_WINDINGS = 1e5;
    private final int classes;
    private final double radialStd;
    private final double tangentialStd;
    private final double rate;
    private final double scale;
    private final double logNorm;
    private final Box bounds;

    public Pinwheel(int classes, double radialStd, double tangentialStd, double rate, double scale) {
        this.classes = classes;
        this.radialStd = radialStd;
        this.tangentialStd = tangentialStd;
        this.rate = rate;
        this.scale = scale;
        // log(1/K) + log N's normaliser − log scale²
        this.logNorm = -Math.log(classes) - Math.log(TWO_PI * radialStd * tangentialStd) - 2 * Math.log(scale);
        double r = scale * Math.hypot(Math.max(Math.abs(1 + 4 * radialStd), Math.abs(1 - 4 * radialStd)),
                4 * tangentialStd);
        this.bounds = Box.uniform(2, -r, r);
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    @Override
    void sample(Rng rng, Normals normals, double[] out, int at) {
        int k = rng.nextInt(classes);
        double f0 = 1 + radialStd * normals.next();
        double f1 = tangentialStd * normals.next();
        double alpha = TWO_PI * k / classes + rate * Math.exp(f0);
        double c = Math.cos(alpha);
        double s = Math.sin(alpha);
        out[at] = scale * (f0 * c + f1 * s);
        out[at + 1] = scale * (-f0 * s + f1 * c);
    }

    /** log N(f; (1, 0), diag(σr², σt²)) without its normaliser. */
    private double logKernel(double f0, double f1) {
        double a = (f0 - 1) / radialStd;
        double b = f1 / tangentialStd;
        return -0.5 * (a * a + b * b);
    }

    private double h(double rho, double beta) {
        return beta - rate * Math.exp(rho * Math.cos(beta));
    }

    private double dh(double rho, double beta) {
        return 1 + rate * rho * Math.sin(beta) * Math.exp(rho * Math.cos(beta));
    }

    @Override
    double logDensity(double x, double y) {
        double rho = Math.hypot(x, y) / scale;
        if (rho == 0) {
            return logNorm + Math.log(classes) + logKernel(0, 0); // f = 0 for every class, H' = 1
        }
        if (rate * Math.exp(rho) > MAX_WINDINGS * TWO_PI) {
            return Double.NEGATIVE_INFINITY;
        }
        double phi = Math.atan2(y, x);
        // the minimum of H' lies at betaM in (−π, 0)
        double betaM = -Math.acos(2 * rho / (1 + Math.sqrt(1 + 4 * rho * rho)));
        Roots roots = new Roots();
        if (dh(rho, betaM) >= 0) {
            // H increasing on [betaM, betaM + 2π]
            double lo = betaM;
            double hi = betaM + TWO_PI;
            for (int k = 0; k < classes; k++) {
                solveAll(rho, phi + TWO_PI * k / classes, lo, hi, true, roots);
            }
        } else {
            double b1 = zeroOfDh(rho, -Math.PI, betaM); // H' > 0 left of b1, < 0 right of it
            double b2 = zeroOfDh(rho, 0, betaM); // H' < 0 left of b2, > 0 right of it
            for (int k = 0; k < classes; k++) {
                double target = phi + TWO_PI * k / classes;
                solveAll(rho, target, b2, b1 + TWO_PI, true, roots);
                solveAll(rho, target, b1, b2, false, roots);
            }
        }
        return logNorm + logSumExp(roots.terms, roots.n);
    }

    /** The zero of H' between {@code outer} (where H' > 0) and {@code betaM} (where H' < 0), by bisection. */
    private double zeroOfDh(double rho, double outer, double betaM) {
        double pos = outer;
        double neg = betaM;
        for (int i = 0; i < 200; i++) {
            double mid = (pos + neg) / 2;
            if (mid == pos || mid == neg) {
                break;
            }
            if (dh(rho, mid) > 0) {
                pos = mid;
            } else {
                neg = mid;
            }
        }
        return (pos + neg) / 2;
    }

    /**
     * Adds every root β in [lo, hi) of H(β) = target + 2πm (any integer m), H monotone on [lo, hi] (increasing if
     * {@code increasing}).
     */
    private void solveAll(double rho, double target, double lo, double hi, boolean increasing, Roots roots) {
        double hLo = h(rho, lo);
        double hHi = h(rho, hi);
        double min = Math.min(hLo, hHi);
        double max = Math.max(hLo, hHi);
        // smallest m with target + 2πm >= min
        long m = (long) Math.ceil((min - target) / TWO_PI);
        for (double v = target + TWO_PI * m; v < max; v = target + TWO_PI * ++m) {
            double beta = solve(rho, v, lo, hi, increasing);
            double f0 = rho * Math.cos(beta);
            double f1 = rho * Math.sin(beta);
            roots.add(logKernel(f0, f1) - Math.log(Math.abs(dh(rho, beta))));
        }
    }

    /**
     * The root of H(β) = v in [lo, hi] where H is monotone: Newton's method, falling back to bisection whenever a
     * Newton step would leave the bracket or fails to halve the step before it (so the bracket at least halves
     * every other iteration: no ping-pong between its ends).
     */
    private double solve(double rho, double v, double lo, double hi, boolean increasing) {
        double a = lo;
        double b = hi;
        double beta = (a + b) / 2;
        double previousStep = b - a;
        for (int i = 0; i < 300; i++) {
            double g = h(rho, beta) - v;
            if (g == 0) {
                return beta;
            }
            // keep the root inside [a, b]
            if ((g < 0) == increasing) {
                a = beta;
            } else {
                b = beta;
            }
            double newton = beta - g / dh(rho, beta);
            double next;
            if (newton > a && newton < b && Math.abs(newton - beta) <= previousStep / 2) {
                next = newton;
            } else {
                next = (a + b) / 2;
            }
            previousStep = Math.abs(next - beta);
            if (previousStep <= 1e-15 * Math.max(1, Math.abs(beta)) || b - a <= 4e-16 * Math.max(1, Math.abs(beta))) {
                return next;
            }
            beta = next;
        }
        return beta;
    }

    /** Log-terms of the preimages found so far. */
    private static final class Roots {
        double[] terms = new double[16];
        int n;

        void add(double term) {
            if (n == terms.length) {
                terms = java.util.Arrays.copyOf(terms, 2 * n);
            }
            terms[n++] = term;
        }
    }
}
