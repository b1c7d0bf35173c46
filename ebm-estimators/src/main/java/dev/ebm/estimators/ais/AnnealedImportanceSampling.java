package dev.ebm.estimators.ais;

import dev.ebm.api.ChainState;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StepInfo;
import dev.ebm.api.Target;
import dev.ebm.estimators.CountingEnergy;
import dev.ebm.estimators.LogZEstimate;
import dev.ebm.estimators.proposal.DifferentiableProposal;
import dev.ebm.estimators.stats.LogMean;
import dev.ebm.estimators.stats.ParetoK;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Annealed importance sampling (Neal 2001) along the geometric path from a normalised base q to exp(−E)
 * ({@link GeometricPath}), with the framework's own sampler kernels as the transitions at each β (any
 * {@link SamplerKernel} that leaves exp(−E_β) invariant at temperature 1: {@code mala}, {@code hmc}; an unadjusted
 * {@code langevin} kernel makes the weights biased).
 *
 * <p>Forward: chains start from exact draws of q; at each β_t the log-weight gains E_{β_{t−1}}(x) − E_{β_t}(x) (the
 * state's cached path energy before and after re-initialising the kernel at β_t, so no extra evaluation), then the
 * kernel moves the chains. E[w] = Z, so log Ẑ = log mean w is a stochastic lower bound: E[log Ẑ] ≤ log Z.
 *
 * <p>Reverse (Grosse, Ghahramani &amp; Adams 2015): chains start from model samples at β = 1 and run the schedule
 * backwards to q; the weights u estimate 1/Z, so −log mean u is a stochastic upper bound — but only when the
 * starting samples are exact draws from the model. From MCMC samples the bound is heuristic, and is labelled so.
 *
 * <p>Standard error: the delta method over the independent chains' weights. The cost counts every point at which
 * the kernels evaluated the model (with gradients).
 */
public final class AnnealedImportanceSampling {
    public static final String FORWARD = "ais";
    public static final String REVERSE = "rais";

    private AnnealedImportanceSampling() {}

    /** Forward AIS from {@code chains} exact draws of the base. */
    public static LogZEstimate forward(CountingEnergy energy, DifferentiableProposal base, SamplerKernel kernel,
            AisOptions opt, int chains, Rng rng, long[] sampleShape, DataType dtype) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        double[] betas = opt.betas();
        INDArray x = reshape(base.sample(chains, rng, dtype), sampleShape);
        double[] logW = new double[chains];
        double[] previous = negate(base.logDensity(x)); // E_0 = −log q
        Run run = new Run(energy, base, kernel, opt, rng);
        for (int t = 1; t < betas.length; t++) {
            ChainState state = run.init(betas[t], x);
            double[] now = doubles(state.energy());
            for (int i = 0; i < chains; i++) {
                logW[i] += previous[i] - now[i];
            }
            if (t < betas.length - 1) {
                state = run.transitions(betas[t], state);
            }
            x = state.x();
            previous = doubles(state.energy());
        }
        LogMean m = LogMean.of(logW);
        return estimate(FORWARD, m.log(), m.stderr(), logW, run, chains, opt)
                .withCost(energy.evaluations() - e0, energy.gradients() - g0)
                .withSetup("base " + base.describe() + ", " + opt.temperatures() + " temperatures (" + opt.schedule()
                        + "), " + opt.stepsPerTemperature() + " transition(s) each");
    }

    /**
     * Reverse AIS from model samples {@code x} {@code [n, ...]}.
     *
     * @param exact whether {@code x} are exact independent draws from the model (then the upper bound is valid;
     *     otherwise the estimate carries a warning that it is heuristic)
     */
    public static LogZEstimate reverse(CountingEnergy energy, DifferentiableProposal base, SamplerKernel kernel,
            AisOptions opt, INDArray samples, boolean exact, Rng rng, DataType dtype) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        double[] betas = opt.betas();
        int chains = (int) samples.size(0);
        Run run = new Run(energy, base, kernel, opt, rng);
        ChainState state = run.init(1.0, samples.castTo(dtype));
        double[] logU = new double[chains];
        for (int t = betas.length - 1; t >= 1; t--) {
            double[] now = doubles(state.energy());
            double[] lower;
            if (t - 1 == 0) {
                lower = negate(base.logDensity(state.x()));
            } else {
                state = run.init(betas[t - 1], state.x());
                lower = doubles(state.energy());
            }
            for (int i = 0; i < chains; i++) {
                logU[i] += now[i] - lower[i];
            }
            if (t - 1 > 0) {
                state = run.transitions(betas[t - 1], state);
            }
        }
        LogMean m = LogMean.of(logU);
        LogZEstimate e = estimate(REVERSE, -m.log(), m.stderr(), logU, run, chains, opt);
        List<String> w = exact ? List.of() : List.of("heuristic: reverse AIS is an upper bound in expectation only "
                + "from exact model samples; these came from MCMC");
        return e.with(Map.of("exact_start", exact ? 1.0 : 0.0), w)
                .withCost(energy.evaluations() - e0, energy.gradients() - g0)
                .withSetup("base " + base.describe() + ", " + opt.temperatures() + " temperatures (" + opt.schedule()
                        + "), " + opt.stepsPerTemperature() + " transition(s) each, from " + chains + " "
                        + (exact ? "exact" : "MCMC") + " model samples");
    }

    private static LogZEstimate estimate(String id, double logZ, double stderr, double[] logW, Run run, int chains,
            AisOptions opt) {
        Map<String, Double> d = new LinkedHashMap<>();
        LogMean m = LogMean.of(logW);
        d.put("chains", (double) chains);
        d.put("temperatures", (double) opt.temperatures());
        d.put("ess", m.ess());
        d.put("pareto_k", ParetoK.of(logW));
        d.put("accept_rate", run.acceptRate());
        d.put("final_step_size", run.stepSize);
        List<String> w = new ArrayList<>();
        if (m.ess() < Math.max(10, 0.01 * chains)) {
            w.add(String.format("effective sample size %.1f of %d chains: more temperatures are needed", m.ess(),
                    chains));
        }
        return new LogZEstimate(id, logZ, stderr, "delta method over " + chains + " independent chains", 0, 0, "",
                d, w);
    }

    /** The kernel driven along the path, with its step size adapted between transitions. */
    private static final class Run {
        final CountingEnergy energy;
        final DifferentiableProposal base;
        final SamplerKernel kernel;
        final AisOptions opt;
        final Rng rng;
        double stepSize = Double.NaN;
        double acceptSum;
        int acceptCount;

        Run(CountingEnergy energy, DifferentiableProposal base, SamplerKernel kernel, AisOptions opt, Rng rng) {
            this.energy = energy;
            this.base = base;
            this.kernel = kernel;
            this.opt = opt;
            this.rng = rng;
        }

        Target target(double beta) {
            return Target.of(new GeometricPath(energy, base, beta));
        }

        ChainState init(double beta, INDArray x) {
            ChainState s = kernel.init(target(beta), x);
            if (Double.isNaN(stepSize)) {
                stepSize = s.stepSize();
            }
            return Double.isNaN(stepSize) ? s : s.withStepSize(stepSize);
        }

        ChainState transitions(double beta, ChainState state) {
            Target target = target(beta);
            for (int k = 0; k < opt.stepsPerTemperature(); k++) {
                SamplerKernel.Step step = kernel.step(target, state, rng);
                state = step.state();
                StepInfo info = step.info();
                if (info.acceptProb() != null) {
                    double a = info.acceptProb().castTo(DataType.DOUBLE).meanNumber().doubleValue();
                    if (!Double.isNaN(a)) {
                        acceptSum += a;
                        acceptCount++;
                        if (opt.adaptTarget() > 0 && Double.isFinite(stepSize)) {
                            stepSize *= Math.exp(0.5 * (a - opt.adaptTarget()));
                            state = state.withStepSize(stepSize);
                        }
                    }
                }
            }
            return state;
        }

        double acceptRate() {
            return acceptCount == 0 ? Double.NaN : acceptSum / acceptCount;
        }
    }

    private static INDArray reshape(INDArray flat, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = flat.size(0);
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return flat.reshape(shape);
    }

    private static double[] doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] negate(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        return out;
    }
}
