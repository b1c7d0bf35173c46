package dev.ebm.runner.chains;

import dev.ebm.api.Box;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.sample.ChainDriver;
import dev.ebm.runner.train.Progress;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Test-time chains on a trained energy from given starts, classified along the way: at each recorded step (0, the
 * start, always first; the last step always last) every chain's argmax class and energy are kept, and the first
 * few chains' images as snapshots for pictures. A record at a step after which transitions move the chains is taken
 * before they move them (the chain's state after its sampler steps, not the freshly transformed image). Chains run in groups of at most {@value #GROUP} (chains do not
 * interact, so grouping changes nothing but memory); group g draws its noise from {@code rng.fork(g)}.
 */
public final class TestTimeChains {
    static final int GROUP = 250;

    /**
     * The sampler, the energy it samples (temperature 1) and the classifier that watches.
     *
     * @param kernel built with {@code steps} equal to the chains' length (annealing schedules span it)
     * @param transitions applied after every {@code every}-th step but the last (empty for none)
     * @param box the data's box, which maps samples to the classifier's unit scale
     */
    public record Setup(SamplerKernel kernel, List<Transition> transitions, int every, EnergyFunction energy,
            Classifier classifier, Box box) {}

    /**
     * What the chains did.
     *
     * @param steps the recorded steps, ascending, from 0 to the chains' length
     * @param classes {@code [chain][record]} argmax classes
     * @param energies {@code [chain][record]} energies E(x) at temperature 1
     * @param finals the end points {@code [n, ...shape]}, outside workspaces
     * @param snapshots {@code [picture chain][record][pixel]}: the first chains' images at each record
     * @param seconds wall time of the sampling and classification
     */
    public record Result(int[] steps, int[][] classes, double[][] energies, INDArray finals, float[][][] snapshots,
            double seconds) {}

    private TestTimeChains() {}

    /**
     * The recorded steps: 0, every {@code every} steps (none when {@code every} ≤ 0), the extra steps {@code at}
     * (those in [1, length]) and {@code length}, sorted without repeats.
     */
    public static int[] recordSteps(int length, int every, List<Integer> at) {
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        s.add(0);
        s.add(length);
        for (int t = every; every > 0 && t < length; t += every) {
            s.add(t);
        }
        for (int t : at) {
            if (t >= 1 && t <= length) {
                s.add(t);
            }
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Runs {@code x0.size(0)} chains of {@code length} steps from {@code x0} (not modified). */
    public static Result run(Setup s, INDArray x0, int length, int[] recordSteps, int pictures, Rng rng,
            PrintStream out) {
        long start = System.nanoTime();
        int n = (int) x0.size(0);
        int records = recordSteps.length;
        int[][] classes = new int[n][records];
        double[][] energies = new double[n][records];
        int shown = Math.min(pictures, n);
        float[][][] snapshots = new float[shown][records][];
        List<INDArray> finals = new ArrayList<>();
        int groups = (n + GROUP - 1) / GROUP;
        try (Progress progress = new Progress("chains", 0, (long) groups * Math.max(length, 1), false, out)) {
            for (int g = 0; g < groups; g++) {
                int from = g * GROUP;
                int to = Math.min(n, from + GROUP);
                INDArray xs = x0.get(NDArrayIndex.interval(from, to)).dup();
                Rng groupRng = rng.fork(g);
                ChainDriver driver = new ChainDriver(s.kernel(), Target.of(s.energy()), xs, length,
                        s.transitions(), s.every());
                int[] r = {0};
                observe(s, driver.state().x(), driver.state().energy(), from, r[0], classes, energies, snapshots);
                r[0]++;
                for (int t = 0; t < length; t++) {
                    final int fromRow = from;
                    // recorded before a transition moves the chains: where 100 steps after a deformation took them
                    driver.step(groupRng, (step, warm, state, info) -> {
                        if (r[0] < records && step == recordSteps[r[0]]) {
                            observe(s, state.x(), state.energy(), fromRow, r[0], classes, energies, snapshots);
                            r[0]++;
                        }
                    }, (step, warm, state, info) -> { });
                    progress.update((long) g * length + t + 1, "");
                }
                try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    finals.add(driver.state().x().dup());
                }
            }
        }
        INDArray all;
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            all = finals.size() == 1 ? finals.get(0) : Nd4j.concat(0, finals.toArray(new INDArray[0]));
        }
        return new Result(recordSteps.clone(), classes, energies, all, snapshots, (System.nanoTime() - start) / 1e9);
    }

    private static void observe(Setup s, INDArray x, INDArray energy, int from, int r, int[][] classes,
            double[][] energies, float[][][] snapshots) {
        int[] c = s.classifier().classify(x, s.box()).classes();
        double[] e = energy.castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < c.length; i++) {
            classes[from + i][r] = c[i];
            energies[from + i][r] = e[i];
        }
        int pixels = (int) (x.length() / x.size(0));
        for (int i = 0; from + i < snapshots.length && i < c.length; i++) {
            snapshots[from + i][r] = x.get(NDArrayIndex.point(i)).castTo(DataType.FLOAT).dup('c').reshape(pixels)
                    .toFloatVector();
        }
    }

    /** Energies {@code E(x)} of {@code x} {@code [n, ...]} in chunks of {@value #GROUP}, in float64. */
    public static double[] energies(EnergyFunction energy, INDArray x) {
        int n = (int) x.size(0);
        double[] out = new double[n];
        Target target = Target.of(energy);
        for (int from = 0; from < n; from += GROUP) {
            int to = Math.min(n, from + GROUP);
            try (MemoryWorkspace ws = dev.ebm.runner.train.StepWorkspace.open("chains-energy")) {
                double[] e = target.energies(x.get(NDArrayIndex.interval(from, to))).castTo(DataType.DOUBLE)
                        .toDoubleVector();
                System.arraycopy(e, 0, out, from, e.length);
            }
        }
        return out;
    }

    /** The class of each row of the record at index {@code r}. */
    static int[] column(int[][] m, int r) {
        return Arrays.stream(m).mapToInt(row -> row[r]).toArray();
    }
}
