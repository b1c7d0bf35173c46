package dev.ebm.estimators.unified;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The log Z that the registry's {@code nce} objective term learns when the energy's shape is fixed: the root in its
 * parameter {@code logZ} of the term's gradient (the loss is convex in it), found by Brent's method to 1e-13. The
 * term is built from {@code {type: nce, ratio: ν, noise: {mean, std}}} and draws its ν·n noise points from the
 * batch's generator; {@link #noise} reproduces those draws from the same generator state, so that the bridge and
 * reverse logistic regression can be solved on exactly the points the term saw.
 */
public final class NceAtFixedShape {
    private final ObjectiveTerm term;
    private final double[] mean;
    private final double std;
    private final DataType dtype;

    private NceAtFixedShape(ObjectiveTerm term, double[] mean, double std, DataType dtype) {
        this.term = term;
        this.mean = mean.clone();
        this.std = std;
        this.dtype = dtype;
    }

    /** Whether the registry offers an {@code nce} objective term. */
    public static boolean available(PluginRegistry registry) {
        return registry.types(Kind.OBJECTIVE).contains("nce");
    }

    /** The {@code nce} term with noise N(mean, std²·I) and noise ratio {@code ratio}. */
    public static NceAtFixedShape create(PluginRegistry registry, int ratio, double[] mean, double std,
            DataType dtype, long[] sampleShape) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "nce").put("ratio", ratio);
        ObjectNode noise = o.putObject("noise");
        var m = noise.putArray("mean");
        for (double v : mean) {
            m.add(v);
        }
        noise.put("std", std);
        ObjectiveSpec spec = new SpecBinder(registry).bind(o, ObjectiveSpec.class);
        ObjectiveTerm t = registry.create(spec, new PluginContext(dtype, sampleShape, null, registry, new Rng(0)));
        t.prepare(null, new Rng(0));
        return new NceAtFixedShape(t, mean, std, dtype);
    }

    /** The noise points {@code [m, d]} the term draws from a generator in {@code state}. */
    public INDArray noise(long[] state, long m) {
        INDArray z = Rng.fromState(state).normal(dtype, m, mean.length);
        return z.mul(std).addRowVector(Nd4j.createFromArray(mean).castTo(dtype));
    }

    /**
     * The learned log Z: data {@code x} {@code [n, ...sampleShape]}, noise drawn from a generator in {@code state}.
     *
     * @param bracket the search interval for the root, {@code [low, high]}
     */
    public double logZ(EnergyFunction energy, INDArray x, long[] state, double[] bracket) {
        Tensor logZ = term.parameters().get("logZ");
        Tensor xPos = Tensor.constant(x.castTo(dtype));
        return new BrentSolver(1e-13).solve(400, c -> {
            logZ.value().putScalar(0, c);
            TrainBatch batch = new TrainBatch(xPos, null, energy, null, null, null, Rng.fromState(state));
            return Autodiff.grad(term.loss(batch), logZ, false).item();
        }, bracket[0], bracket[1]);
    }
}
