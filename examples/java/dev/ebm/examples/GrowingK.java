package dev.ebm.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.DataSource;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.NegativeSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Optimizer;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.ToyDensity;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maximum likelihood on eight gaussians with a schedule the runner does not offer: the number K of Langevin steps
 * per chain run grows linearly from {@value #K_FIRST} to {@value #K_LAST} over training (cheap, biased chains
 * while the model is rough; longer ones as it sharpens). Everything comes from the public API: the spec is bound
 * from JSON with the {@link SpecBinder}, its parts are made by the {@link PluginRegistry}, and the loop calls the
 * SPIs directly. Prints, every 50 steps and at the end, K, the loss and the mean exact log-density of the data at
 * the chains' end points (about −1.70 when they are distributed like the data, far lower for noise).
 *
 * <p>Run: {@code java -cp CLASSPATH dev.ebm.examples.GrowingK [STEPS]} (default 300).
 */
public final class GrowingK {
    static final int K_FIRST = 5;
    static final int K_LAST = 40;
    static final String SPEC = """
            {"name": "growing-k", "seed": 3,
             "data": {"type": "eight-gaussians", "radius": 2.0, "std": 0.2},
             "energy": {"type": "mlp", "hidden": [64, 64], "activation": "swish"},
             "negatives": {"type": "replay-buffer", "capacity": 10000, "reinit": 0.05, "init": "uniform"},
             "sampler": {"type": "langevin", "steps": 5, "epsilon": 0.1},
             "objective": [{"type": "ml"}, {"type": "energy-l2", "weight": 0.1}],
             "optimizer": {"type": "adam", "lr": 3.0e-3, "betas": [0.9, 0.999]},
             "train": {"batch": 256}}
            """;

    private GrowingK() {}

    public static void main(String[] args) throws IOException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        PluginRegistry registry = PluginRegistry.load();
        ExperimentSpec spec = new SpecBinder(registry).bind(new ObjectMapper().readTree(SPEC));
        DataType dtype = DataType.FLOAT;
        Nd4j.setDefaultDataTypes(dtype, dtype);
        Rng init = new Rng(spec.seed()).fork(-1);
        DataSource data = registry.create(spec.data(), new PluginContext(dtype, new long[0], null, registry, init));
        PluginContext ctx = new PluginContext(dtype, data.sampleShape(), data.bounds(), registry, init);
        EnergyFunction energy = registry.create(spec.energy(), ctx);
        NegativeSource negatives = registry.create(spec.negatives(), ctx);
        SamplerKernel kernel = registry.create(spec.sampler(), ctx);
        Optimizer optimizer = registry.create(spec.optimizer(), ctx);
        List<ObjectiveTerm> terms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (ObjectiveSpec os : spec.objective()) {
            terms.add(registry.create(os, ctx));
            weights.add(os.weight());
        }
        ToyDensity density = (ToyDensity) data;
        int batch = spec.train().batch();
        List<Tensor> params = energy.parameters().tensors();
        Rng root = new Rng(spec.seed());
        WorkspaceConfiguration step = WorkspaceConfiguration.builder().policyLearning(LearningPolicy.OVER_TIME)
                .policyAllocation(AllocationPolicy.OVERALLOCATE).overallocationLimit(0.2).build();
        System.out.printf(Locale.ROOT, "growing K from %d to %d over %d steps (%d parameters)%n", K_FIRST, K_LAST,
                steps, energy.parameters().size());
        for (int t = 1; t <= steps; t++) {
            int k = K_FIRST + (int) Math.round((K_LAST - K_FIRST) * (t - 1) / (double) Math.max(1, steps - 1));
            // arrays made inside the workspace die with the step; parameters, moments and the buffer live outside
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(step, "growing-k")) {
                Rng rng = root.fork(t);
                INDArray xPos = data.batch(batch, rng.split(), dtype);
                Rng chainRng = rng.split();
                Target target = Target.of(energy);
                INDArray x0 = negatives.draw(batch, xPos, chainRng);
                ChainRun run = Chains.run(kernel, target, x0, k, chainRng, List.of(), 0);
                INDArray xNeg = run.end().x();
                negatives.accept(xNeg, chainRng);
                TrainBatch b = new TrainBatch(Tensor.constant(xPos), Tensor.constant(xNeg), energy, kernel, run,
                        target, rng.split());
                Tensor loss = null;
                try (GradMode.Scope on = GradMode.on()) {
                    for (int i = 0; i < terms.size(); i++) {
                        Tensor l = terms.get(i).loss(b).mul(weights.get(i));
                        loss = loss == null ? l : loss.add(l);
                    }
                }
                List<Tensor> grads = Autodiff.grad(loss, params, false);
                List<INDArray> pv = new ArrayList<>();
                List<INDArray> gv = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    pv.add(params.get(i).value());
                    gv.add(grads.get(i).value());
                }
                try (GradMode.Scope off = GradMode.off()) {
                    optimizer.step(pv, gv);
                }
                if (t % 50 == 0 || t == steps) {
                    double logP = mean(density.logDensity(xNeg));
                    System.out.printf(Locale.ROOT, "step %4d  K %2d  loss %8.4f  mean log p_data(x-) %8.3f%n", t,
                            k, loss.item(), logP);
                    if (t == steps) {
                        System.out.printf(Locale.ROOT, "final mean log p_data(x-) = %.3f%n", logP);
                    }
                }
            }
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
