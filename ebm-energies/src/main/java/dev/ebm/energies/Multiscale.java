package dev.ebm.energies;

import dev.ebm.api.Box;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.autodiff.Tensor;
import dev.ebm.energies.spec.MultiscaleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E(x) = Σ_i E_i(pool^i(x)) on images x [N, C, H, W] (see {@link MultiscaleSpec}). Each E_i is built through the
 * plugin registry with the pooled sample shape in its context, so any energy works at any scale; its parameters
 * and state are named with the prefix {@code scale<i>.} (e.g. {@code scale1.w0}). The sub-energies draw their
 * initial weights from the context's generator in order, full resolution first.
 */
public final class Multiscale implements EnergyFunction {
    private final long[] sampleShape;
    private final List<EnergyFunction> scales;
    private final int kernel;
    private final int padding;
    private final ParameterSet params;

    public Multiscale(MultiscaleSpec spec, PluginContext context) {
        long[] shape = context.sampleShape();
        if (shape == null || shape.length != 3) {
            throw new SpecException("type", "the multiscale energy needs image samples of shape [C, H, W], found "
                    + Arrays.toString(shape));
        }
        this.sampleShape = shape.clone();
        this.kernel = spec.poolKernel();
        this.padding = spec.poolPadding();
        List<EnergyFunction> built = new ArrayList<>();
        ParameterSet all = ParameterSet.empty();
        long[] scaled = shape.clone();
        for (int i = 0; i < spec.scales().size(); i++) {
            if (i > 0) {
                scaled = halve(scaled, i, shape);
            }
            EnergySpec sub = spec.scales().get(i);
            PluginContext ctx = new PluginContext(context.dtype(), scaled.clone(), pooledBounds(context, scaled),
                    context.registry(), context.rng());
            EnergyFunction e;
            try {
                e = context.registry().create(sub, ctx);
            } catch (SpecException ex) {
                throw withShapes(ex, i, shape, scaled);
            }
            built.add(e);
            all = all.concat(prefix(i), e.parameters());
        }
        this.scales = List.copyOf(built);
        this.params = all;
    }

    private long[] halve(long[] s, int i, long[] full) {
        long h = Images.halvedSize(s[1], kernel, padding);
        long w = Images.halvedSize(s[2], kernel, padding);
        if (h < 1 || w < 1 || s[1] + 2L * padding < kernel || s[2] + 2L * padding < kernel) {
            throw new SpecException("scales[" + i + "]", "the " + s[1] + "x" + s[2] + " image of scale " + (i - 1)
                    + " cannot be pooled again with a " + kernel + "x" + kernel + " window and padding " + padding
                    + " (samples of shape " + Arrays.toString(full) + " have " + i + " scale(s) at most)");
        }
        return new long[] {s[0], h, w};
    }

    /** The problems of scale i's energy under {@code scales[i]}, each naming the sample shape at that scale. */
    private static SpecException withShapes(SpecException ex, int i, long[] full, long[] scaled) {
        List<SpecProblem> out = new ArrayList<>();
        for (SpecProblem p : ex.under("scales[" + i + "]").problems()) {
            out.add(new SpecProblem(p.path(), p.message() + " (scale " + i + " sees the " + Arrays.toString(full)
                    + " samples pooled " + i + " time(s) to " + Arrays.toString(scaled) + ")"));
        }
        return new SpecException(out);
    }

    /** A box holding the pooled samples: the data's overall range in every coordinate. */
    private static Box pooledBounds(PluginContext context, long[] scaled) {
        Box b = context.dataBounds();
        if (b == null) {
            return null;
        }
        double lo = Arrays.stream(b.low()).min().orElse(0);
        double hi = Arrays.stream(b.high()).max().orElse(1);
        // zero padding counted in the averages can pull values towards 0
        return Box.uniform((int) (scaled[0] * scaled[1] * scaled[2]), Math.min(lo, 0), Math.max(hi, 0));
    }

    private static String prefix(int i) {
        return "scale" + i + ".";
    }

    @Override
    public ParameterSet parameters() {
        return params;
    }

    @Override
    public Tensor energy(Tensor x, ParameterSet p) {
        long n = x.shape()[0];
        Tensor h = x.rank() == 4 ? x : x.reshape(n, sampleShape[0], sampleShape[1], sampleShape[2]);
        long[] shape = h.shape();
        if (shape[1] != sampleShape[0] || shape[2] != sampleShape[1] || shape[3] != sampleShape[2]) {
            throw new IllegalArgumentException("the multiscale energy was built for samples of shape "
                    + Arrays.toString(sampleShape) + ", but was given " + Arrays.toString(x.shape()));
        }
        Tensor total = null;
        for (int i = 0; i < scales.size(); i++) {
            if (i > 0) {
                h = Images.halve(h, kernel, padding);
            }
            Tensor e = scales.get(i).energy(h, p.select(prefix(i)));
            total = total == null ? e : total.add(e);
        }
        return total;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < scales.size(); i++) {
            String pre = prefix(i);
            scales.get(i).state().forEach((k, v) -> m.put(pre + k, v));
        }
        return m;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        for (int i = 0; i < scales.size(); i++) {
            String pre = prefix(i);
            Map<String, INDArray> sub = new LinkedHashMap<>();
            state.forEach((k, v) -> {
                if (k.startsWith(pre)) {
                    sub.put(k.substring(pre.length()), v);
                }
            });
            scales.get(i).restore(sub);
        }
    }

    @Override
    public void afterUpdate() {
        scales.forEach(EnergyFunction::afterUpdate);
    }
}
