package dev.ebm.runner.eval.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Chains;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.estimators.generator.KnnDivergence;
import dev.ebm.estimators.generator.Mmd;
import dev.ebm.estimators.generator.NoiseFreeChains;
import dev.ebm.runner.train.Experiment;
import java.io.PrintStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generator view of a toy run, into {@code eval.json} under {@code generator} (docs/GENERATOR.md):
 * <ul>
 *   <li>{@code noise_free}: chains from q₀ run with the noise-free sampler ({@link NoiseFreeSetup}), with their exact
 *   log q_K: {@code kl_model} = KL(q_K‖p_θ) (log Z from the evaluation grid), {@code kl_data} = KL(q_K‖p_data),
 *   {@code entropy} = −E log q_K, the sample-based {@code knn_kl_data} and {@code mmd_data}, and
 *   {@code max_h_lambda} (largest h·λ_max(∇²E) met), {@code share_h_lambda_ge_1} (chains that met h·λ_max ≥ 1: there
 *   the injectivity guarantee, and with it the exact density, is broken);</li>
 *   <li>{@code sampler}: chains from the same q₀ run with the run's own sampler (noisy or not), measured by the
 *   sample-based {@code knn_kl_data} and {@code mmd_data} only: the scale on which noisy and noise-free chains
 *   compare;</li>
 *   <li>{@code data_floor}: the same sample-based measures between two independent data samples of the same size
 *   (what a perfect generator would score: the estimators' own bias and noise).</li>
 * </ul>
 * Randomness: the generator given (the evaluation's stream), split in a fixed order.
 */
public final class GeneratorEvaluation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GeneratorEvaluation.class);

    private GeneratorEvaluation() {}

    /**
     * @param logZ log Z of the model (the evaluation grid's), for KL(q_K‖p_θ)
     * @return the {@code generator} object, or null when the spec asks for none
     */
    public static ObjectNode evaluate(Experiment ex, double logZ, Rng rng, PrintStream out) {
        NoiseFreeSetup setup = NoiseFreeSetup.resolve(ex);
        if (setup == null) {
            return null;
        }
        int n = setup.spec().chains();
        int k = setup.spec().knn();
        double[][] data = setup.toy().batch(n, rng.split(), DataType.DOUBLE).toDoubleMatrix();
        double[][] data2 = setup.toy().batch(n, rng.split(), DataType.DOUBLE).toDoubleMatrix();
        ObjectNode g = new ObjectMapper().createObjectNode();
        g.put("chains", n);
        g.put("knn", k);

        INDArray x0 = ex.negatives.draw(n, null, rng.split());
        NoiseFreeChains.Result r = NoiseFreeChains.run(ex.energy, setup.kernel(), setup.stepSize(), x0,
                setup.start().logStartDensity(x0), rng.split());
        double[][] xk = r.x().castTo(DataType.DOUBLE).reshape(n, r.x().length() / n).toDoubleMatrix();
        double[] logData = setup.toy().logDensity(r.x().castTo(DataType.DOUBLE));
        double[] energies = Target.of(ex.energy).energies(r.x()).castTo(DataType.DOUBLE).toDoubleVector();
        double klModel = 0;
        double klData = 0;
        for (int i = 0; i < n; i++) {
            klModel += (r.logDensity()[i] + energies[i] + logZ) / n;
            klData += (r.logDensity()[i] - logData[i]) / n;
        }
        ObjectNode nf = g.putObject("noise_free");
        nf.put("from", setup.path());
        nf.put("steps", r.steps());
        nf.put("step_size", r.stepSize());
        putFinite(nf, "kl_model", klModel);
        putFinite(nf, "kl_data", klData);
        nf.put("entropy", r.entropy());
        nf.put("knn_kl_data", KnnDivergence.kl(xk, data, k));
        nf.put("mmd_data", Mmd.squared(xk, data));
        nf.put("max_h_lambda", r.worstHLambda());
        nf.put("share_h_lambda_ge_1", r.shareBroken());
        if (r.worstHLambda() >= 1) {
            String msg = String.format(java.util.Locale.ROOT, "generator: h*lambda_max(Hessian of E) reached %.3f "
                    + "on %.1f%% of the noise-free chains: a step there need not be injective, so log q_K (and "
                    + "kl_model, kl_data, entropy) may be wrong for them", r.worstHLambda(), 100 * r.shareBroken());
            nf.put("warning", msg);
            LOG.warn(msg);
            out.println("warning: " + msg);
        }

        INDArray y0 = ex.negatives.draw(n, null, rng.split());
        INDArray y = Chains.run(ex.kernel, Target.of(ex.energy), y0, rng.split()).end().x();
        double[][] yk = y.castTo(DataType.DOUBLE).reshape(n, y.length() / n).toDoubleMatrix();
        ObjectNode sampled = g.putObject("sampler");
        sampled.put("type", ex.context.registry().typeOf(ex.spec.sampler()));
        sampled.put("knn_kl_data", KnnDivergence.kl(yk, data, k));
        sampled.put("mmd_data", Mmd.squared(yk, data));

        ObjectNode floor = g.putObject("data_floor");
        floor.put("knn_kl_data", KnnDivergence.kl(data2, data, k));
        floor.put("mmd_data", Mmd.squared(data2, data));
        out.printf("eval: generator KL(q_K||p_data) %.4f exact, %.4f k-NN (%s chains: %.4f k-NN; data floor %.4f); "
                + "KL(q_K||p_theta) %.4f; max h*lambda %.3f%n", klData, nf.get("knn_kl_data").asDouble(),
                sampled.get("type").asText(), sampled.get("knn_kl_data").asDouble(),
                floor.get("knn_kl_data").asDouble(), klModel, r.worstHLambda());
        return g;
    }

    private static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
            o.put(key + "_note", "not finite (" + v + "): some chains end where the density is 0");
        }
    }
}
