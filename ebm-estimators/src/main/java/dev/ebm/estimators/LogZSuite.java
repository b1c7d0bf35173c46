package dev.ebm.estimators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.estimators.ais.AnnealedImportanceSampling;
import dev.ebm.estimators.bridge.BridgeSampling;
import dev.ebm.estimators.bridge.ReverseLogistic;
import dev.ebm.estimators.proposal.DifferentiableProposal;
import dev.ebm.estimators.proposal.GaussianProposal;
import dev.ebm.estimators.proposal.Proposal;
import dev.ebm.estimators.sampling.ImportanceSampling;
import dev.ebm.estimators.sampling.MultipleImportanceSampling;
import dev.ebm.estimators.sampling.ReverseImportanceSampling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every estimator of log Z on one energy, from one set of model samples and proposals fitted to another: the driver
 * behind {@code bin/ebm logz}. The cost of each estimate includes the evaluations spent drawing the samples it read
 * (the fit samples for every fitted proposal, the model samples for {@code ris}, {@code bridge}, {@code rlr} and
 * {@code rais}), reported separately as {@code fit_sample_evaluations} and {@code model_sample_evaluations}.
 */
public final class LogZSuite {
    /** The estimators, in the order {@code all} runs them. */
    public static final List<String> METHODS = List.of(ImportanceSampling.ID, ReverseImportanceSampling.ID,
            MultipleImportanceSampling.ID, BridgeSampling.ID, ReverseLogistic.ID, AnnealedImportanceSampling.FORWARD,
            AnnealedImportanceSampling.REVERSE);

    private final CountingEnergy energy;
    private final long[] sampleShape;
    private final DataType dtype;
    private final Samples model;
    private final Samples fit;
    private final SuiteOptions options;
    private final PluginRegistry registry;
    private List<DifferentiableProposal> proposals;

    /**
     * @param model model samples (for ris, bridge, rlr, rais)
     * @param fit samples the proposals are fitted to, drawn apart from {@code model} so that no estimate reads a
     *     proposal fitted to its own samples
     */
    public LogZSuite(CountingEnergy energy, long[] sampleShape, DataType dtype, Samples model, Samples fit,
            SuiteOptions options, PluginRegistry registry) {
        this.energy = energy;
        this.sampleShape = sampleShape.clone();
        this.dtype = dtype;
        this.model = model;
        this.fit = fit;
        this.options = options;
        this.registry = registry;
    }

    /**
     * This suite with other model samples and the same fitted proposals (once fitted), e.g. for repetitions that
     * differ only in their samples.
     */
    public LogZSuite withModel(Samples other) {
        LogZSuite s = new LogZSuite(energy, sampleShape, dtype, other, fit, options, registry);
        s.proposals = proposals;
        return s;
    }

    /** The fitted proposals (fitted on first use with {@code rng}). */
    public List<DifferentiableProposal> proposals(Rng rng) {
        if (proposals == null) {
            // one fit per kind and component count; scales are applied to it
            Map<ProposalChoice, DifferentiableProposal> fits = new LinkedHashMap<>();
            List<DifferentiableProposal> p = new ArrayList<>();
            for (ProposalChoice c : options.proposals()) {
                DifferentiableProposal unit = fits.computeIfAbsent(c.atUnitScale(), u -> u.fit(fit.x(), rng.split()));
                p.add(c.rescale(unit));
            }
            proposals = List.copyOf(p);
        }
        return proposals;
    }

    /** One estimate; {@code method} is one of {@link #METHODS}. */
    public LogZEstimate estimate(String method, Rng rng) {
        List<DifferentiableProposal> qs = proposals(rng);
        DifferentiableProposal q = qs.get(0);
        int n = options.samples();
        LogZEstimate e;
        boolean readsModel = true;
        switch (method) {
            case ImportanceSampling.ID -> {
                e = ImportanceSampling.run(energy, q, n, rng.split(), sampleShape, dtype);
                readsModel = false;
            }
            case ReverseImportanceSampling.ID -> e = ReverseImportanceSampling.run(energy, q, model.x(), sampleShape,
                    dtype);
            case MultipleImportanceSampling.ID -> {
                e = MultipleImportanceSampling.run(energy, qs, split(n, qs.size()), rng.split(), sampleShape, dtype);
                readsModel = false;
            }
            case BridgeSampling.ID -> e = bridge(q, n, rng.split());
            case ReverseLogistic.ID -> e = rlr(qs, n, rng.split());
            case AnnealedImportanceSampling.FORWARD -> {
                e = AnnealedImportanceSampling.forward(energy, q, kernel(q, rng.split()), options.ais(),
                        options.aisChains(), rng.split(), sampleShape, dtype);
                readsModel = false;
            }
            case AnnealedImportanceSampling.REVERSE -> {
                int chains = Math.min(options.aisChains(), model.size());
                INDArray start = model.x().get(NDArrayIndex.interval(0, chains));
                e = AnnealedImportanceSampling.reverse(energy, q, kernel(q, rng.split()), options.ais(), start,
                        model.exact(), rng.split(), dtype);
            }
            default -> throw new IllegalArgumentException("unknown method '" + method + "'; known: " + METHODS);
        }
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put("fit_sample_evaluations", (double) fit.evaluations());
        long evals = e.evaluations() + fit.evaluations();
        long grads = e.gradients() + fit.gradients();
        if (readsModel) {
            cost.put("model_sample_evaluations", (double) model.evaluations());
            evals += model.evaluations();
            grads += model.gradients();
        }
        String from = readsModel ? "; model samples: " + model.size() + " " + model.source() : "";
        return e.with(cost, List.of()).withCost(evals, grads).withSetup(e.setup() + "; proposals fitted to "
                + fit.size() + " " + fit.source() + from);
    }

    /** Every method in {@link #METHODS} order, each with its own split of {@code rng}. */
    public List<LogZEstimate> all(Rng rng) {
        List<LogZEstimate> out = new ArrayList<>();
        for (String m : METHODS) {
            out.add(estimate(m, rng.fork(METHODS.indexOf(m))));
        }
        return out;
    }

    private LogZEstimate bridge(Proposal q, int n, Rng rng) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        double[] lP = logRatio(q, Energies.flatten(model.x()));
        INDArray y = q.sample(n, rng, dtype);
        double[] lQ = logRatio(q, y);
        return BridgeSampling.estimate(lP, lQ).withCost(energy.evaluations() - e0, energy.gradients() - g0)
                .withSetup("proposal " + q.describe());
    }

    private LogZEstimate rlr(List<? extends Proposal> qs, int n, Rng rng) {
        long e0 = energy.evaluations();
        long g0 = energy.gradients();
        int[] per = split(n, qs.size());
        List<INDArray> parts = new ArrayList<>();
        parts.add(Energies.flatten(model.x()).castTo(DataType.DOUBLE));
        int[] counts = new int[qs.size() + 1];
        counts[0] = model.size();
        for (int j = 0; j < qs.size(); j++) {
            parts.add(qs.get(j).sample(per[j], rng, dtype).castTo(DataType.DOUBLE));
            counts[j + 1] = per[j];
        }
        INDArray pooled = Nd4j.concat(0, parts.toArray(new INDArray[0]));
        double[][] logH = new double[qs.size() + 1][];
        logH[0] = Energies.negative(energy, pooled, sampleShape, dtype);
        for (int j = 0; j < qs.size(); j++) {
            logH[j + 1] = qs.get(j).logDensity(pooled);
        }
        StringBuilder setup = new StringBuilder(qs.size() == 1 ? "two-sample, proposal" : "multi-sample, proposals");
        for (int j = 0; j < qs.size(); j++) {
            setup.append(j == 0 ? " " : ", ").append(qs.get(j).describe()).append(" x").append(per[j]);
        }
        return ReverseLogistic.estimate(logH, counts, false)
                .withCost(energy.evaluations() - e0, energy.gradients() - g0).withSetup(setup.toString());
    }

    /** −E − log q at the rows of {@code flat}. */
    private double[] logRatio(Proposal q, INDArray flat) {
        double[] negE = Energies.negative(energy, flat, sampleShape, dtype);
        double[] logQ = q.logDensity(flat.castTo(dtype));
        for (int i = 0; i < negE.length; i++) {
            negE[i] -= logQ[i];
        }
        return negE;
    }

    /** The AIS kernel: the options' sampler spec, or HMC scaled to the base. */
    private SamplerKernel kernel(DifferentiableProposal base, Rng rng) {
        JsonNode node = options.aisKernel();
        if (node == null) {
            double std = base instanceof GaussianProposal g ? g.minStd() : 1.0;
            double step = 0.5 * std * Math.pow(base.dim(), -0.25);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("type", "hmc").put("steps", 1).put("stepSize", step).put("leapfrogSteps", 5);
            node = o;
        }
        SamplerSpec spec;
        try {
            spec = new SpecBinder(registry).bind(node, SamplerSpec.class);
        } catch (SpecException e) {
            throw e.under("ais.kernel");
        }
        return registry.create(spec, new PluginContext(dtype, sampleShape, null, registry, rng));
    }

    private static int[] split(int n, int parts) {
        int[] out = new int[parts];
        for (int j = 0; j < parts; j++) {
            out[j] = n / parts + (j < n % parts ? 1 : 0);
        }
        return out;
    }
}
