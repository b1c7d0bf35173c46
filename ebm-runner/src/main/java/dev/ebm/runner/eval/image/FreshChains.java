package dev.ebm.runner.eval.image;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.Target;
import dev.ebm.api.Transition;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.runner.classifier.Classifier;
import dev.ebm.runner.sample.ChainDriver;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Progress;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Fresh chains from uniform noise over the data's box, run with a generation sampler on a trained energy, in groups
 * of at most {@value #GROUP} chains (the same chains as one batch: chains do not interact). The first
 * {@code traceChains} chains have their class recorded at step 0, every {@code traceEvery} steps and at the end.
 */
final class FreshChains {
    static final int GROUP = 250;

    /** The chains' end points {@code [n, ...sample shape]} (outside workspaces), the class trace and the length. */
    record Result(INDArray finals, ChainClassTrace trace, int steps, double seconds) {}

    private FreshChains() {}

    static Result run(Experiment ex, SamplerSpec samplerSpec, int chains, int traceChains, Integer traceEvery,
            Classifier classifier, Rng rng, PrintStream out) {
        long start = System.nanoTime();
        var registry = ex.context.registry();
        SamplerKernel kernel = registry.create(samplerSpec, ex.context);
        List<Transition> transitions = Experiment.samplerTransitions(samplerSpec, registry, ex.context);
        int every = transitions.isEmpty() || samplerSpec.transitionEvery() == null ? 0 : samplerSpec.transitionEvery();
        int steps = kernel.steps();
        int traceStep = traceEvery != null ? traceEvery : Math.max(1, (steps + 9) / 10);
        Box box = ex.data.bounds();
        long[] shape = ex.data.sampleShape();
        List<Integer> traceSteps = new ArrayList<>();
        List<int[]> traceClasses = new ArrayList<>();
        List<INDArray> finals = new ArrayList<>();
        int groups = (chains + GROUP - 1) / GROUP;
        try (Progress progress = new Progress("fresh chains", 0, (long) groups * steps, false, out)) {
            for (int g = 0; g < groups; g++) {
                int n = Math.min(GROUP, chains - g * GROUP);
                Rng groupRng = rng.fork(g);
                INDArray x0 = uniform(box, shape, n, groupRng.split(), ex);
                Rng chainRng = groupRng.split();
                ChainDriver driver = new ChainDriver(kernel, Target.of(ex.energy), x0, steps, transitions, every);
                int traced = g == 0 ? Math.min(traceChains, n) : 0;
                if (traced > 0) {
                    traceSteps.add(0);
                    traceClasses.add(classesOf(classifier, x0, traced, box));
                }
                for (int t = 0; t < steps; t++) {
                    driver.step(chainRng, (step, warm, state, info) -> {
                        if (traced > 0 && (step % traceStep == 0 || step == steps)) {
                            traceSteps.add(step);
                            traceClasses.add(classesOf(classifier, state.x(), traced, box));
                        }
                    });
                    progress.update((long) g * steps + t + 1, "");
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
        int[][] byChain = new int[traceClasses.isEmpty() ? 0 : traceClasses.get(0).length][traceClasses.size()];
        for (int t = 0; t < traceClasses.size(); t++) {
            for (int c = 0; c < byChain.length; c++) {
                byChain[c][t] = traceClasses.get(t)[c];
            }
        }
        ChainClassTrace trace = new ChainClassTrace(traceSteps.stream().mapToInt(Integer::intValue).toArray(), byChain);
        return new Result(all, trace, steps, (System.nanoTime() - start) / 1e9);
    }

    private static int[] classesOf(Classifier classifier, INDArray x, int n, Box box) {
        return classifier.classify(x.get(NDArrayIndex.interval(0, n)), box).classes();
    }

    /** {@code n} draws uniform over the box, {@code [n, ...shape]} in the run's dtype. */
    static INDArray uniform(Box box, long[] shape, int n, Rng rng, Experiment ex) {
        int d = box.dim();
        INDArray low = Nd4j.createFromArray(box.low()).castTo(ex.dtype).reshape(1, d);
        INDArray width = Nd4j.createFromArray(box.high()).castTo(ex.dtype).reshape(1, d).subi(low);
        INDArray u = rng.uniform(ex.dtype, n, d).muliRowVector(width).addiRowVector(low);
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return u.reshape(full);
    }
}
