package dev.ebm.runner.optim;

import dev.ebm.api.Optimizer;
import dev.ebm.autodiff.ArrayKernels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam with bias correction and optional global-norm gradient clipping. Moment arrays are allocated on the first
 * step outside any workspace and updated in place.
 */
final class Adam implements Optimizer {
    private final AdamSpec spec;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private long t;

    Adam(AdamSpec spec) {
        this.spec = spec;
    }

    @Override
    public double step(List<INDArray> params, List<INDArray> grads) {
        double sq = 0;
        for (INDArray g : grads) {
            sq += ArrayKernels.sumOfSquares(g);
        }
        double norm = Math.sqrt(sq);
        double scale = spec.gradClip() != null && norm > spec.gradClip() ? spec.gradClip() / norm : 1.0;
        if (m.isEmpty()) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (INDArray p : params) {
                    m.add(Nd4j.zeros(p.dataType(), p.shape()));
                    v.add(Nd4j.zeros(p.dataType(), p.shape()));
                }
            }
        }
        t++;
        double b1 = spec.betas().get(0);
        double b2 = spec.betas().get(1);
        double lrT = spec.lrAt(t) * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        double epsT = spec.eps() * Math.sqrt(1 - Math.pow(b2, t));
        for (int i = 0; i < params.size(); i++) {
            // one pass per parameter (the ND4J reference of this update is eight ops)
            ArrayKernels.adam(params.get(i), grads.get(i), m.get(i), v.get(i), scale, b1, b2, lrT, epsT);
        }
        return norm;
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> s = new LinkedHashMap<>();
        s.put("t", Nd4j.createFromArray(new long[] {t}));
        for (int i = 0; i < m.size(); i++) {
            s.put("m" + i, m.get(i));
            s.put("v" + i, v.get(i));
        }
        return s;
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        t = state.get("t").getLong(0);
        m.clear();
        v.clear();
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (int i = 0; state.containsKey("m" + i); i++) {
                m.add(state.get("m" + i).dup());
                v.add(state.get("v" + i).dup());
            }
        }
    }
}
