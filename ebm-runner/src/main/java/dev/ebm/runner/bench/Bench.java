package dev.ebm.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.ChainRun;
import dev.ebm.api.ChainState;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Optimizer;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.StepWorkspace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The benchmark workloads of the PyTorch comparison ({@code shared/peers/WORKLOADS.md}), run through the same
 * plugins a training run uses: one Langevin step, one training step (K Langevin steps, ML + energy-L2 loss,
 * backward, Adam) and one backprop through a Langevin step with a frozen outer energy. Medians after warm-up.
 */
public final class Bench {
    /**
     * A workload: spec snippet of the energy ({@code %d} stands for the hidden width where the workload has one),
     * hidden width (0 for none), sample shape, batch, K, step, noise, lr, and timed repetitions.
     */
    record Workload(String name, String energy, int hidden, long[] shape, int batch, int k, double step, double noise,
            double lr, int langevinReps, int trainReps, int klReps) {

        /**
         * This workload with the batch and/or hidden width overridden (null keeps the workload's own), named as
         * the PyTorch reference names it: {@code mlp2d@b4096}, {@code mlp2d@h512}, {@code mlp2d@b4096h512}.
         */
        Workload variant(Integer batchOverride, Integer hiddenOverride) {
            if (hiddenOverride != null && hidden == 0) {
                throw new IllegalArgumentException("--hidden applies to mlp2d only, not to " + name);
            }
            String tag = (batchOverride != null ? "b" + batchOverride : "") + (hiddenOverride != null ? "h" + hiddenOverride : "");
            return new Workload(tag.isEmpty() ? name : name + "@" + tag, energy,
                    hiddenOverride != null ? hiddenOverride : hidden, shape,
                    batchOverride != null ? batchOverride : batch, k, step, noise, lr, langevinReps, trainReps, klReps);
        }

        String energySpec() {
            return hidden == 0 ? energy : energy.replace("%d", Integer.toString(hidden));
        }
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("mlp2d", "{type: mlp, hidden: [%d, %d], activation: swish}", 128, new long[] {2}, 256, 20,
                    0.01, 0.1, 1e-3, 2000, 200, 200),
            new Workload("cnn28", "{type: cnn, channels: [32, 64, 64, 64], activation: swish}", 0,
                    new long[] {1, 28, 28}, 64, 20, 10.0, 0.005, 1e-4, 60, 10, 20));

    /**
     * What the timings measure: elapsed time, or the CPU time of the thread that runs the work (which, with one
     * native thread, {@code EBM_THREADS=1}, is where all the native work runs too: a measure that other processes
     * on the machine disturb much less than elapsed time).
     */
    public enum Clock { WALL, CPU }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final SpecLoader loader;
    private final PluginRegistry registry;
    private final Clock clock;
    private final boolean countOps;

    public Bench(SpecLoader loader, PluginRegistry registry) {
        this(loader, registry, Clock.WALL, false);
    }

    /**
     * @param countOps after the timings, count the native calls of one repetition of each timed quantity
     *     ({@link OpCounts}) and add them to the line as {@code native_calls}
     */
    public Bench(SpecLoader loader, PluginRegistry registry, Clock clock, boolean countOps) {
        this.loader = loader;
        this.registry = registry;
        this.clock = clock;
        this.countOps = countOps;
    }

    /** Names of the workloads. */
    public static List<String> names() {
        return WORKLOADS.stream().map(Workload::name).toList();
    }

    /** Runs one workload and returns the JSON line. */
    public ObjectNode run(String name) {
        return run(name, null, null);
    }

    /** Runs one workload with the batch and/or hidden width overridden (null: the workload's own). */
    public ObjectNode run(String name, Integer batch, Integer hidden) {
        Workload w = WORKLOADS.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + name + "'; known: " + names()))
                .variant(batch, hidden);
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        ExperimentSpec spec = loader.parse("energy: " + w.energySpec() + "\n"
                + "sampler: {type: langevin, steps: " + w.k() + ", stepSize: " + w.step() + ", noise: " + w.noise() + "}\n"
                + "optimizer: {type: adam, lr: " + w.lr() + ", betas: [0.0, 0.999]}\n", List.of());
        Rng rng = new Rng(0);
        PluginContext ctx = new PluginContext(DataType.FLOAT, w.shape(), null, registry, rng.split());
        EnergyFunction energy = registry.create(spec.energy(), ctx);
        SamplerKernel kernel = registry.create(spec.sampler(), ctx);
        Optimizer adam = registry.create(spec.optimizer(), ctx);
        long[] batchShape = new long[w.shape().length + 1];
        batchShape[0] = w.batch();
        System.arraycopy(w.shape(), 0, batchShape, 1, w.shape().length);
        INDArray xPos;
        INDArray x;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            xPos = Nd4j.rand(DataType.FLOAT, batchShape);
            x = Nd4j.rand(DataType.FLOAT, batchShape);
        }
        INDArray chains = x;

        // One kernel step per repetition: the move with the cached gradient and one evaluation of E and its
        // gradient at the new point (the same work as the reference's step), the state carried over in arrays
        // outside the per-repetition workspace.
        ChainState[] state = new ChainState[1];
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            state[0] = kernel.init(Target.of(energy), chains);
        }
        Target sampling = Target.of(energy);
        Runnable langevinStep = () -> {
            ChainState next = kernel.step(sampling, state[0], rng).state();
            copy(next.x(), state[0].x());
            copy(next.energy(), state[0].energy());
            copy(next.grad(), state[0].grad());
        };
        double langevinMs = time("bench-langevin", w.langevinReps() / 10, w.langevinReps(), langevinStep);
        chains.assign(state[0].x());
        ParameterSet params = energy.parameters();
        Runnable trainStep = () -> {
            Target target = Target.of(energy);
            ChainRun run = Chains.run(kernel, target, chains, rng);
            chains.assign(run.end().x());
            Tensor ep = energy.energy(Tensor.constant(xPos));
            Tensor en = energy.energy(Tensor.constant(run.end().x()));
            Tensor loss = ep.mean().sub(en.mean()).add(ep.square().mean().add(en.square().mean()));
            List<Tensor> grads = Autodiff.grad(loss, params.tensors(), false);
            List<INDArray> pv = new ArrayList<>();
            List<INDArray> gv = new ArrayList<>();
            for (int i = 0; i < grads.size(); i++) {
                pv.add(params.tensors().get(i).value());
                gv.add(grads.get(i).value());
            }
            try (GradMode.Scope off = GradMode.off()) {
                adam.step(pv, gv);
            }
        };
        double trainMs = time("bench-train", Math.max(3, w.trainReps() / 10), w.trainReps(), trainStep);
        Runnable klStep = () -> {
            ParameterSet frozen = params.detached();
            Tensor xt = Tensor.variable(chains);
            Tensor g = Autodiff.grad(energy.energy(xt, params).sum(), xt, true);
            Tensor x1 = xt.sub(g.mul(w.step()));
            Tensor e = energy.energy(x1, frozen).mean();
            Autodiff.grad(e, params.tensors(), false);
        };
        double klMs = time("bench-kl", 20, w.klReps(), klStep);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("impl", "ebm-java-nd4j-" + System.getProperty("org.bytedeco.javacpp.platform.extension", "generic"));
        line.put("workload", w.name());
        line.put("batch", w.batch());
        line.put("k", w.k());
        line.put("threads", threads());
        if (w.hidden() != 0) {
            line.put("hidden", w.hidden());
        }
        line.put("clock", clock.name().toLowerCase(java.util.Locale.ROOT));
        line.put("langevin_step_ms", round(langevinMs, 4));
        line.put("train_step_ms", round(trainMs, 3));
        line.put("kl_backprop_ms", round(klMs, 4));
        if (countOps) {
            ObjectNode ops = line.putObject("native_calls");
            ops.set("langevin_step", OpCounts.of(() -> once("bench-langevin", langevinStep)).json());
            ops.set("train_step", OpCounts.of(() -> once("bench-train", trainStep)).json());
            ops.set("kl_backprop", OpCounts.of(() -> once("bench-kl", klStep)).json());
        }
        return line;
    }

    /** Runs {@code workload} ("all" for every one) and prints the results; returns the exit code. */
    public int run(String workload, boolean json, PrintStream out) {
        return run(workload, null, null, json, out);
    }

    /**
     * Runs {@code workload} ("all" for every one) with the batch and/or hidden width overridden (null: the
     * workload's own) and prints the results; returns the exit code.
     */
    public int run(String workload, Integer batch, Integer hidden, boolean json, PrintStream out) {
        List<String> todo = "all".equals(workload) ? names() : List.of(workload);
        if (!"all".equals(workload) && !names().contains(workload)) {
            System.err.println("--workload: unknown '" + workload + "'; known: " + names() + " or all");
            return 2;
        }
        if (batch != null && batch < 1 || hidden != null && hidden < 1) {
            System.err.println("--batch and --hidden must be >= 1, found " + batch + " and " + hidden);
            return 2;
        }
        if (hidden != null && !"mlp2d".equals(workload)) {
            System.err.println("--hidden applies to mlp2d only, found --workload " + workload);
            return 2;
        }
        for (String name : todo) {
            ObjectNode line = run(name, batch, hidden);
            if (json) {
                out.println(line.toString());
            } else {
                out.printf("%s: langevin step %.3f ms, train step %.2f ms, kl backprop %.3f ms (batch %d, K %d, %d threads, %s clock)%n",
                        line.get("workload").asText(), line.get("langevin_step_ms").asDouble(), line.get("train_step_ms").asDouble(),
                        line.get("kl_backprop_ms").asDouble(), line.get("batch").asInt(), line.get("k").asInt(),
                        line.get("threads").asInt(), line.get("clock").asText());
            }
        }
        return 0;
    }

    static int threads() {
        String t = System.getenv("EBM_THREADS");
        if (t == null) {
            t = System.getenv("OMP_NUM_THREADS");
        }
        return t == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(t.trim());
    }

    /**
     * The median time of {@code reps} repetitions after {@code warm} untimed ones, each in the workspace
     * {@code id}. Each timed quantity has a workspace of its own: sharing one, a later quantity that allocates more
     * than the first one taught the workspace spilled every allocation to malloc and free (measured: the KL
     * backprop, timed last, then varied run to run).
     */
    private double time(String id, int warm, int reps, Runnable body) {
        for (int i = 0; i < warm; i++) {
            once(id, body);
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = now();
            once(id, body);
            ms[i] = (now() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return reps % 2 == 1 ? ms[reps / 2] : (ms[reps / 2 - 1] + ms[reps / 2]) / 2;
    }

    /** Nanoseconds on the chosen clock. */
    private long now() {
        return clock == Clock.CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** src's values into dst (both of one shape and dtype); dst lives outside the workspace. */
    private static void copy(INDArray src, INDArray dst) {
        if (src.ordering() == 'c' && dst.ordering() == 'c' && !src.isView() && !dst.isView()
                && src.length() == dst.length() && src.dataType() == dst.dataType()) {
            org.bytedeco.javacpp.Pointer.memcpy(dst.data().addressPointer(), src.data().addressPointer(),
                    src.length() * src.dataType().width());
            java.lang.ref.Reference.reachabilityFence(src);
        } else {
            dst.assign(src);
        }
    }

    private static void once(String id, Runnable body) {
        try (MemoryWorkspace ws = StepWorkspace.open(id)) {
            body.run();
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
