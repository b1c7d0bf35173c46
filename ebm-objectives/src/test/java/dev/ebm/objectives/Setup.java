package dev.ebm.objectives;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.ChainRun;
import dev.ebm.api.Chains;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plugins built from JSON specs through the registry (energies and kernels come from their modules through
 * ServiceLoader, as in a run), and plain reference computations for finite differences, in float64.
 */
final class Setup {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    private Setup() {}

    static <T> T spec(String json, Class<T> kind) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), kind);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static PluginContext context(long dim, long seed) {
        return new PluginContext(DataType.DOUBLE, new long[] {dim}, null, REGISTRY, new Rng(seed));
    }

    static EnergyFunction mlp(String hidden, long dim, long seed) {
        return REGISTRY.create(spec("{\"type\":\"mlp\",\"hidden\":" + hidden + "}", EnergySpec.class),
                context(dim, seed));
    }

    static SamplerKernel kernel(String json) {
        return REGISTRY.create(spec(json, SamplerSpec.class), context(2, 0));
    }

    /** What the kernel of {@code json} declares. */
    static dev.ebm.api.traits.KernelTraits traits(String json) {
        return REGISTRY.kernelTraits(spec(json, SamplerSpec.class));
    }

    /** Why the term of {@code termJson} refuses the kernel of {@code kernelJson}. */
    static java.util.List<String> problems(String termJson, String kernelJson) {
        return term(termJson).problemsWith(kernel(kernelJson), traits(kernelJson));
    }

    static ObjectiveTerm term(String json) {
        return REGISTRY.create(spec(json, ObjectiveSpec.class), context(2, 0));
    }

    /** Uniform points in [−1.5, 1.5]^dim. */
    static INDArray uniform(int n, long dim, long seed) {
        return new Rng(seed).uniform(DataType.DOUBLE, n, dim).muli(3).subi(1.5);
    }

    /** A training batch as the trainer builds it: chains from {@code x0} with a trace of the last steps. */
    static TrainBatch batch(EnergyFunction e, SamplerKernel k, INDArray xPos, INDArray x0, long chainSeed,
            int record) {
        ChainRun run = Chains.run(k, Target.of(e), x0, k.steps(), new Rng(chainSeed), List.of(), 0, record);
        return new TrainBatch(Tensor.constant(xPos), Tensor.constant(run.end().x()), e, k, run, Target.of(e),
                new Rng(99));
    }

    /** The gradient of a term's loss in the energy's parameters, flattened in parameter order. */
    static double[] gradient(ObjectiveTerm term, TrainBatch batch) {
        List<Tensor> params = batch.energy().parameters().tensors();
        Tensor loss;
        try (GradMode.Scope on = GradMode.on()) {
            loss = term.loss(batch);
        }
        List<Tensor> grads = Autodiff.grad(loss, params, false);
        return flatten(grads.stream().map(Tensor::value).toList());
    }

    static double[] flatten(List<INDArray> arrays) {
        int n = 0;
        for (INDArray a : arrays) {
            n += (int) a.length();
        }
        double[] out = new double[n];
        int o = 0;
        for (INDArray a : arrays) {
            double[] v = Nd4j.toFlattened(a).castTo(DataType.DOUBLE).toDoubleVector();
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }

    /** Central differences of {@code f} in every parameter of {@code e} (perturbed in place and restored). */
    static double[] finiteDifferences(EnergyFunction e, java.util.function.DoubleSupplier f, double h) {
        List<Double> out = new ArrayList<>();
        for (INDArray w : e.parameters().arrays().values()) {
            for (long i = 0; i < w.length(); i++) {
                double w0 = w.getDouble(i);
                w.putScalar(i, w0 + h);
                double plus = f.getAsDouble();
                w.putScalar(i, w0 - h);
                double minus = f.getAsDouble();
                w.putScalar(i, w0);
                out.add((plus - minus) / (2 * h));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A frozen copy of the energy's current parameters (the Ω of the KL terms). */
    static ParameterSet frozen(EnergyFunction e) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        e.parameters().arrays().forEach((k, v) -> copies.put(k, v.dup()));
        return ParameterSet.trainable(copies).detached();
    }

    /** mean E(x) with the given parameters, no graph. */
    static double meanEnergy(EnergyFunction e, INDArray x, ParameterSet params) {
        try (GradMode.Scope off = GradMode.off()) {
            return e.energy(Tensor.constant(x), params).value().meanNumber().doubleValue();
        }
    }

    /**
     * The nearest-neighbour entropy estimate (d/n)·Σᵢ ½·log(min ‖xᵢ − r‖² + δ) over r in the other rows of x and
     * the rows of {@code reference} (may be null), in plain double loops: a reference independent of the tape.
     */
    static double entropy(INDArray x, INDArray reference) {
        int n = (int) x.size(0);
        int d = (int) (x.length() / n);
        double[][] a = x.reshape(n, d).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] r = reference == null ? new double[0][]
                : reference.reshape(reference.size(0), d).castTo(DataType.DOUBLE).toDoubleMatrix();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    best = Math.min(best, sq(a[i], a[j]));
                }
            }
            for (double[] row : r) {
                best = Math.min(best, sq(a[i], row));
            }
            sum += 0.5 * Math.log(best + NearestNeighbourEntropy.DELTA);
        }
        return (double) d / n * sum;
    }

    private static double sq(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return s;
    }

    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
