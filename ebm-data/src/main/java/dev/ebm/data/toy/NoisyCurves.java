package dev.ebm.data.toy;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A mixture of curves with a uniformly distributed parameter, blurred by isotropic Gaussian noise: choose segment
 * i with probability {@code weight_i}, t ~ U[a_i, b_i], x = c_i(t) + σ·ξ.
 *
 * <p>Exact density p(x) = Σ_i weight_i/(b_i − a_i) ∫ N(x; c_i(t), σ²I) dt, by composite Gauss–Legendre quadrature
 * in t: each segment is cut into panels of equal arc length of at most σ/{@code panelsPerStd}, with
 * {@value #ORDER} nodes per panel (nodes and weights precomputed). Each evaluation is a log-sum-exp over the
 * nodes relative to the nearest node, skipping terms below e^−36 of the largest, so log p stays finite and
 * accurate far from the curves. Bounds: the curves' extent ± 4σ.
 */
abstract class NoisyCurves extends Toy2d {
    static final int ORDER = 8;
    static final double DEFAULT_PANELS_PER_STD = 2;
    private static final double CUTOFF = 36;

    /** One curve t ↦ (x(t), y(t)) on [a, b], chosen with probability {@code weight}. */
    record Segment(DoubleUnaryOperator x, DoubleUnaryOperator y, double a, double b, double weight) {}

    private final List<Segment> segments;
    private final double[] cumulative;
    private final double std;
    private final double[] nx;
    private final double[] ny;
    private final double[] nw;
    private final double logNorm;
    private final Box bounds;

    NoisyCurves(List<Segment> segments, double std, double panelsPerStd) {
        this.segments = List.copyOf(segments);
        this.std = std;
        this.cumulative = new double[segments.size()];
        double total = 0;
        for (int i = 0; i < segments.size(); i++) {
            total += segments.get(i).weight();
            cumulative[i] = total;
        }
        GaussLegendre gl = new GaussLegendre(ORDER);
        double maxArc = std / panelsPerStd;
        int count = 0;
        double[][] panels = new double[segments.size()][];
        for (int i = 0; i < segments.size(); i++) {
            panels[i] = panelEdges(segments.get(i), maxArc);
            count += (panels[i].length - 1) * ORDER;
        }
        nx = new double[count];
        ny = new double[count];
        nw = new double[count];
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            double density = s.weight() / total / (s.b() - s.a());
            double[] edges = panels[i];
            for (int p = 0; p + 1 < edges.length; p++) {
                double mid = (edges[p] + edges[p + 1]) / 2;
                double half = (edges[p + 1] - edges[p]) / 2;
                for (int q = 0; q < ORDER; q++) {
                    double t = mid + half * gl.nodes[q];
                    nx[n] = s.x().applyAsDouble(t);
                    ny[n] = s.y().applyAsDouble(t);
                    nw[n] = density * half * gl.weights[q];
                    minX = Math.min(minX, nx[n]);
                    maxX = Math.max(maxX, nx[n]);
                    minY = Math.min(minY, ny[n]);
                    maxY = Math.max(maxY, ny[n]);
                    n++;
                }
            }
            // the panels' outer nodes miss the ends of the segment: include them in the extent
            for (double t : new double[] {s.a(), s.b()}) {
                minX = Math.min(minX, s.x().applyAsDouble(t));
                maxX = Math.max(maxX, s.x().applyAsDouble(t));
                minY = Math.min(minY, s.y().applyAsDouble(t));
                maxY = Math.max(maxY, s.y().applyAsDouble(t));
            }
        }
        this.logNorm = -Math.log(2 * Math.PI * std * std);
        this.bounds = new Box(new double[] {minX - 4 * std, minY - 4 * std}, new double[] {maxX + 4 * std, maxY + 4 * std});
    }

    /** Panel edges in t such that each panel's arc length is at most about {@code maxArc}. */
    private static double[] panelEdges(Segment s, double maxArc) {
        int fine = 8192;
        double[] arc = new double[fine + 1];
        double px = s.x().applyAsDouble(s.a());
        double py = s.y().applyAsDouble(s.a());
        for (int j = 1; j <= fine; j++) {
            double t = s.a() + (s.b() - s.a()) * j / fine;
            double qx = s.x().applyAsDouble(t);
            double qy = s.y().applyAsDouble(t);
            arc[j] = arc[j - 1] + Math.hypot(qx - px, qy - py);
            px = qx;
            py = qy;
        }
        int panels = Math.max(1, (int) Math.ceil(arc[fine] / maxArc));
        double[] edges = new double[panels + 1];
        edges[0] = s.a();
        edges[panels] = s.b();
        int j = 0;
        for (int p = 1; p < panels; p++) {
            double target = arc[fine] * p / panels;
            while (arc[j + 1] < target) {
                j++;
            }
            double f = (target - arc[j]) / (arc[j + 1] - arc[j]);
            edges[p] = s.a() + (s.b() - s.a()) * (j + f) / fine;
        }
        return edges;
    }

    /** Number of quadrature nodes. */
    int nodes() {
        return nx.length;
    }

    @Override
    public Box bounds() {
        return bounds;
    }

    @Override
    void sample(Rng rng, Normals normals, double[] out, int at) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = 0;
        while (i < cumulative.length - 1 && u >= cumulative[i]) {
            i++;
        }
        Segment s = segments.get(i);
        double t = s.a() + (s.b() - s.a()) * rng.nextDouble();
        out[at] = s.x().applyAsDouble(t) + std * normals.next();
        out[at + 1] = s.y().applyAsDouble(t) + std * normals.next();
    }

    @Override
    double logDensity(double x, double y) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < nx.length; j++) {
            double dx = x - nx[j];
            double dy = y - ny[j];
            min = Math.min(min, dx * dx + dy * dy);
        }
        double twoVar = 2 * std * std;
        double limit = min + CUTOFF * twoVar;
        double sum = 0;
        for (int j = 0; j < nx.length; j++) {
            double dx = x - nx[j];
            double dy = y - ny[j];
            double d2 = dx * dx + dy * dy;
            if (d2 <= limit) {
                sum += nw[j] * Math.exp(-(d2 - min) / twoVar);
            }
        }
        return logNorm + Math.log(sum) - min / twoVar;
    }
}
