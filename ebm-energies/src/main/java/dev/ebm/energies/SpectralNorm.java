package dev.ebm.energies;

import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation (Miyato et al. 2018) of some weights of an energy, with the semantics of PyTorch's
 * {@code torch.nn.utils.spectral_norm} (one power iteration, eps 1e-12): a weight W is used as W/σ with
 * σ = uᵀ M v, where M is W as a matrix [out, in·kh·kw] (a convolution weight [out, in, kh, kw] reshaped; a dense
 * weight, stored [in, out], transposed) and u [out, 1], v [in·kh·kw, 1] are unit vectors held constant: σ is
 * differentiable in W (to any order), u and v are not.
 *
 * <p>Unlike PyTorch in training mode, which runs the power iteration in every forward pass, the iteration
 * v ← M ᵀu/‖Mᵀu‖, u ← Mv/‖Mv‖ runs only in {@link #iterate}, once per optimizer step, so that the energy is one
 * fixed function during a step's sampling and loss. At construction u is drawn from N(0, I), normalised, and one
 * iteration runs (what PyTorch's first forward pass does). u and v are the state of the energy: checkpointed and
 * restored, in the run's dtype, outside any workspace.
 */
final class SpectralNorm {
    private static final double EPS = 1e-12;

    /** One normalised weight: the shape of its matrix view and its vectors. */
    private record Entry(boolean dense, long rows, long cols, INDArray u, INDArray v) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Normalises the weight {@code name}, a convolution weight [out, in, kh, kw] or a dense weight [in, out]
     * (given as {@code dense}), drawing u from {@code rng}.
     */
    void add(String name, INDArray weight, boolean dense, Rng rng) {
        long rows = dense ? weight.size(1) : weight.size(0);
        long cols = weight.length() / rows;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray u = rng.normal(weight.dataType(), rows, 1);
            u.divi(Math.max(u.norm2Number().doubleValue(), EPS));
            Entry e = new Entry(dense, rows, cols, u, Nd4j.zeros(weight.dataType(), cols, 1));
            entries.put(name, e);
            iterate(e, weight);
        }
    }

    boolean covers(String name) {
        return entries.containsKey(name);
    }

    /** W/σ(W) for the weight {@code name} as tensor {@code w} (from any parameter set of the energy). */
    Tensor normalise(String name, Tensor w) {
        Entry e = entries.get(name);
        Tensor u = Tensor.constant(e.u);
        Tensor v = Tensor.constant(e.v);
        Tensor sigma = e.dense ? v.matmul(w.matmul(u), true, false)
                : u.matmul(w.reshape(e.rows, e.cols).matmul(v), true, false);
        long[] ones = new long[w.rank()];
        Arrays.fill(ones, 1);
        return w.div(sigma.reshape(ones));
    }

    /** σ = uᵀ M v of the weight {@code name} with value {@code w}, as {@link #normalise} uses it. */
    double sigma(String name, INDArray w) {
        Entry e = entries.get(name);
        INDArray m = e.dense ? w.transpose() : w.reshape('c', e.rows, e.cols);
        return e.u.transpose().mmul(m.mmul(e.v)).getDouble(0);
    }

    /** One power iteration for every normalised weight, on the current values in {@code params}. */
    void iterate(ParameterSet params) {
        entries.forEach((name, e) -> iterate(e, params.get(name).value()));
    }

    private static void iterate(Entry e, INDArray w) {
        INDArray m = e.dense ? w : w.reshape('c', e.rows, e.cols);
        // dense weights are stored as Mᵀ: Mᵀu = W·u and M·v = Wᵀ·v
        INDArray v = e.dense ? Nd4j.gemm(m, e.u, false, false) : Nd4j.gemm(m, e.u, true, false);
        v.divi(Math.max(v.norm2Number().doubleValue(), EPS));
        INDArray u = e.dense ? Nd4j.gemm(m, v, true, false) : Nd4j.gemm(m, v, false, false);
        u.divi(Math.max(u.norm2Number().doubleValue(), EPS));
        e.v.assign(v);
        e.u.assign(u);
    }

    /** u and v of each weight, named {@code <weight>.u} and {@code <weight>.v} (live arrays). */
    Map<String, INDArray> state() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        entries.forEach((name, e) -> {
            m.put(name + ".u", e.u);
            m.put(name + ".v", e.v);
        });
        return m;
    }

    /** Copies saved vectors back; every vector of {@link #state()} must be present with its shape. */
    void restore(Map<String, INDArray> saved, String owner) {
        state().forEach((name, arr) -> {
            INDArray s = saved.get(name);
            if (s == null || !Arrays.equals(s.shape(), arr.shape())) {
                throw new IllegalArgumentException("the saved state of the " + owner + " energy has "
                        + (s == null ? "no '" + name + "'" : "'" + name + "' of shape " + Arrays.toString(s.shape()))
                        + "; expected shape " + Arrays.toString(arr.shape()) + " (saved: " + saved.keySet() + ")");
            }
            arr.assign(s);
        });
    }
}
