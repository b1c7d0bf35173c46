package dev.ebm.objectives;

import dev.ebm.api.DataSource;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.ParameterSet;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam on one objective term (no negatives), written here so the tests depend on nothing but the term: the
 * learning rate is constant for the first half and decays linearly to 5 % of it; the returned parameters are the
 * mean of the iterates over the last quarter (Polyak–Ruppert averaging), which removes most of the step noise.
 */
final class Fit {
    private static final WorkspaceConfiguration WS = WorkspaceConfiguration.builder()
            .policyLearning(LearningPolicy.OVER_TIME).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2).cyclesBeforeInitialization(2).build();

    private Fit() {}

    /** Trains and returns the averaged parameters by name (energy's, then the term's under {@code term.}). */
    static Map<String, double[]> adam(GaussianEnergy energy, ObjectiveTerm term, DataSource data, int steps,
            int batch, double lr, long seed) {
        ParameterSet all = energy.parameters().concat("term.", term.parameters());
        List<Tensor> params = all.tensors();
        List<String> names = all.names();
        List<double[]> m = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        Map<String, double[]> avg = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            int n = (int) params.get(i).value().length();
            m.add(new double[n]);
            v.add(new double[n]);
            avg.put(names.get(i), new double[n]);
        }
        Rng root = new Rng(seed);
        int averaged = 0;
        long start = System.nanoTime();
        for (int t = 1; t <= steps; t++) {
            double rate = t <= steps / 2 ? lr : lr * (1 - 0.95 * (t - steps / 2.0) / (steps / 2.0));
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WS, "fit")) {
                Rng rng = root.fork(t);
                var x = data.batch(batch, rng.split(), org.nd4j.linalg.api.buffer.DataType.DOUBLE);
                Tensor loss = term.loss(Fixtures.batch(x, null, energy, rng.split()));
                List<Tensor> grads = Autodiff.grad(loss, params, false);
                for (int i = 0; i < params.size(); i++) {
                    var p = params.get(i).value();
                    double[] pv = p.ravel().toDoubleVector();
                    double[] g = grads.get(i).value().ravel().toDoubleVector();
                    double[] mi = m.get(i);
                    double[] vi = v.get(i);
                    for (int k = 0; k < pv.length; k++) {
                        mi[k] = 0.9 * mi[k] + 0.1 * g[k];
                        vi[k] = 0.999 * vi[k] + 0.001 * g[k] * g[k];
                        double mh = mi[k] / (1 - Math.pow(0.9, t));
                        double vh = vi[k] / (1 - Math.pow(0.999, t));
                        pv[k] -= rate * mh / (Math.sqrt(vh) + 1e-8);
                    }
                    try (MemoryWorkspace off = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                        p.assign(Nd4j.createFromArray(pv).reshape(p.shape()));
                    }
                }
            }
            if (t > steps * 3 / 4) {
                averaged++;
                for (int i = 0; i < params.size(); i++) {
                    double[] pv = params.get(i).value().ravel().toDoubleVector();
                    double[] a = avg.get(names.get(i));
                    for (int k = 0; k < pv.length; k++) {
                        a[k] += (pv[k] - a[k]) / averaged;
                    }
                }
            }
        }
        System.out.printf("%d Adam steps of batch %d in %.1f s%n", steps, batch, (System.nanoTime() - start) / 1e9);
        return avg;
    }

    /** Copies averaged values into the energy's parameters. */
    static void load(GaussianEnergy energy, Map<String, double[]> values) {
        energy.parameters().arrays().forEach((name, arr) ->
                arr.assign(Nd4j.createFromArray(values.get(name)).reshape(arr.shape())));
    }
}
