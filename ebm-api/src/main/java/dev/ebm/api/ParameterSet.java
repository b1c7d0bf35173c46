package dev.ebm.api;

import dev.ebm.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Named parameter tensors in a fixed order. The arrays of a trainable set are owned by the model and updated in
 * place by the optimizer between steps; {@link #detached()} gives a frozen view for the sampler and for the
 * frozen copy of the KL auxiliary loss.
 */
public final class ParameterSet {
    private final Map<String, Tensor> tensors;

    private ParameterSet(Map<String, Tensor> tensors) {
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    public static ParameterSet empty() {
        return new ParameterSet(new LinkedHashMap<>());
    }

    /** Trainable leaves wrapping the given arrays (not copied). */
    public static ParameterSet trainable(Map<String, INDArray> arrays) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        arrays.forEach((k, v) -> m.put(k, Tensor.variable(v)));
        return new ParameterSet(m);
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; known: " + tensors.keySet());
        }
        return t;
    }

    public List<String> names() {
        return new ArrayList<>(tensors.keySet());
    }

    public List<Tensor> tensors() {
        return new ArrayList<>(tensors.values());
    }

    /** The arrays, by name, in order (live: not copies). */
    public Map<String, INDArray> arrays() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        tensors.forEach((k, v) -> m.put(k, v.value()));
        return m;
    }

    /** The same arrays as constants: no gradient flows into them. */
    public ParameterSet detached() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        tensors.forEach((k, v) -> m.put(k, v.detach()));
        return new ParameterSet(m);
    }

    /** Total number of scalar parameters. */
    public long size() {
        long n = 0;
        for (Tensor t : tensors.values()) {
            n += t.value().length();
        }
        return n;
    }

    /** A set holding this one's entries followed by {@code other}'s; names must not clash. */
    public ParameterSet concat(String prefix, ParameterSet other) {
        Map<String, Tensor> m = new LinkedHashMap<>(tensors);
        other.tensors.forEach((k, v) -> {
            if (m.put(prefix + k, v) != null) {
                throw new IllegalArgumentException("duplicate parameter name " + prefix + k);
            }
        });
        return new ParameterSet(m);
    }

    /**
     * The entries whose names start with {@code prefix}, named without it: the inverse of {@link #concat} (the
     * same tensors, so gradients flow to them).
     */
    public ParameterSet select(String prefix) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return new ParameterSet(m);
    }

    public boolean isEmpty() {
        return tensors.isEmpty();
    }
}
