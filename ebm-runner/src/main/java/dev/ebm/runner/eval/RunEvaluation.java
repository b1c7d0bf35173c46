package dev.ebm.runner.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.api.ToyDensity;
import dev.ebm.runner.eval.generator.GeneratorEvaluation;
import dev.ebm.runner.eval.image.ImageEvaluation;
import dev.ebm.runner.report.Plots;
import dev.ebm.runner.train.Experiment;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The evaluation of a trained experiment that {@code eval.json} holds: for 2-D toy data with an exact density, the
 * grid scores of {@link ToyEvaluation} and the energy and density plots; for labelled image data, the classifier
 * scores of {@link ImageEvaluation} (replay buffer and fresh chains); with {@code eval.generator}, the generator
 * view of {@link GeneratorEvaluation}. Reads the experiment's current parameters;
 * draws its randomness from {@code Rng(seed).fork(-2)} alone, so the same parameters always score the same.
 */
public final class RunEvaluation {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunEvaluation.class);
    private RunEvaluation() {}

    /**
     * Scores {@code ex} with its current parameters.
     *
     * @param runDir the run directory; plots go to {@code runDir/plots}
     * @param out where a one-line summary and warnings are printed
     * @return the scores (empty when the data offers nothing to score against)
     */
    public static ObjectNode evaluate(Experiment ex, Path runDir, PrintStream out) {
        ObjectNode eval = new ObjectMapper().createObjectNode();
        var spec = ex.spec;
        if (ex.data instanceof ToyDensity toy && ex.data.bounds().dim() == 2) {
            ToyEvaluation ev = ToyEvaluation.evaluate(ex.energy, toy, ex.dtype, spec.train().evalGrid(),
                    spec.train().evalPoints(), new Rng(spec.seed()).fork(-2));
            eval.put("nll", ev.nll());
            eval.put("kl", ev.kl());
            eval.put("border_mass", ev.borderMass());
            eval.put("log_z", ev.logZ());
            eval.put("data_entropy", ev.dataEntropy());
            eval.put("grid", ev.grid());
            eval.put("points", spec.train().evalPoints());
            Plots.energyLandscape(ev, runDir.resolve("plots").resolve("energy.png"));
            Plots.densityBesideData(ev, runDir.resolve("plots").resolve("density.png"));
            out.printf("eval: nll %.4f  kl %.4f nats  border_mass %.4f%n", ev.nll(), ev.kl(), ev.borderMass());
            ObjectNode generator = GeneratorEvaluation.evaluate(ex, ev.logZ(), new Rng(spec.seed()).fork(-2).fork(11),
                    out);
            if (generator != null) {
                eval.set("generator", generator);
            }
            if (ev.borderMass() > 0.01) {
                LOG.warn(String.format("%.1f%% of the grid's mass lies in its outer band: exp(-E) may not be "
                        + "integrable and nll/kl are unreliable", 100 * ev.borderMass()));
            }
        }
        if (ImageEvaluation.applies(ex)) {
            eval.setAll(ImageEvaluation.evaluate(ex, runDir, out));
        }
        return eval;
    }
}
