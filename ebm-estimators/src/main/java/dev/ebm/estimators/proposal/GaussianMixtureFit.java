package dev.ebm.estimators.proposal;

import dev.ebm.api.Rng;
import dev.ebm.estimators.stats.LogMean;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;
import org.nd4j.linalg.factory.Nd4j;

/** Expectation maximisation for a mixture of full-covariance Gaussians, in log space, from k-means++ clusters. */
final class GaussianMixtureFit {
    private GaussianMixtureFit() {}

    static MixtureProposal fit(double[][] rows, int k, double scale, int iterations, Rng rng) {
        int n = rows.length;
        int d = rows[0].length;
        if (k < 1 || n < k) {
            throw new IllegalArgumentException("cannot fit " + k + " components to " + n + " samples");
        }
        // k-means++ start (Commons Math), seeded from the caller's generator
        List<DoublePoint> points = new ArrayList<>(n);
        for (double[] r : rows) {
            points.add(new DoublePoint(r));
        }
        var clusterer = new KMeansPlusPlusClusterer<DoublePoint>(k, 50, new EuclideanDistance(),
                new Well19937c(rng.nextLong()));
        List<CentroidCluster<DoublePoint>> clusters = clusterer.cluster(points);
        java.util.Map<double[], Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(points.get(i).getPoint(), i);
        }
        double[][] resp = new double[n][k];
        for (int c = 0; c < clusters.size(); c++) {
            for (DoublePoint p : clusters.get(c).getPoints()) {
                resp[index.get(p.getPoint())][c] = 1;
            }
        }
        var x = Nd4j.createFromArray(rows);
        double previous = Double.NEGATIVE_INFINITY;
        List<GaussianProposal> comps = null;
        double[] weights = null;
        for (int it = 0; it <= iterations; it++) {
            // M step from the responsibilities
            weights = new double[k];
            comps = new ArrayList<>(k);
            var r = Nd4j.createFromArray(resp);
            double[] nk = r.sum(0).toDoubleVector();
            double[][] means = Nd4j.gemm(r, x, true, false).toDoubleMatrix();
            for (int c = 0; c < k; c++) {
                double count = Math.max(nk[c], 1e-12);
                for (int j = 0; j < d; j++) {
                    means[c][j] /= count;
                }
                var sqrtR = org.nd4j.linalg.ops.transforms.Transforms.sqrt(r.getColumn(c).div(count), false);
                var centred = x.subRowVector(Nd4j.createFromArray(means[c])).muliColumnVector(sqrtR);
                double[][] cov = Nd4j.gemm(centred, centred, true, false).toDoubleMatrix();
                weights[c] = Math.max(count / n, 1e-12);
                comps.add(GaussianProposal.of(means[c], Linalg.ridged(cov)));
            }
            if (it == iterations) {
                break;
            }
            // E step
            double[][] logp = new double[k][];
            for (int c = 0; c < k; c++) {
                logp[c] = comps.get(c).logDensity(x);
            }
            double total = 0;
            double[] terms = new double[k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    terms[c] = Math.log(weights[c]) + logp[c][i];
                }
                double lse = LogMean.logSumExp(terms);
                total += lse;
                for (int c = 0; c < k; c++) {
                    resp[i][c] = Math.exp(terms[c] - lse);
                }
            }
            double mean = total / n;
            if (mean - previous < 1e-6 * Math.max(1, Math.abs(mean))) {
                break;
            }
            previous = mean;
        }
        List<GaussianProposal> scaled = new ArrayList<>(k);
        for (GaussianProposal g : comps) {
            scaled.add(scale == 1 ? g : g.scaled(scale));
        }
        return new MixtureProposal(weights, scaled, "mixture(" + k + " gaussians fitted to " + n + " samples"
                + (scale == 1 ? "" : ", scale " + scale) + ")");
    }
}
