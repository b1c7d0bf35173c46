package dev.ebm.runner.explain;

import dev.ebm.api.traits.ChainStart;
import dev.ebm.runner.explain.Explainer.Chains;
import java.util.List;

/** How a negative source's declared {@link ChainStart} classifies the run's chains, with the reason why. */
final class ChainWords {
    private ChainWords() {}

    /**
     * @param type the negative source's type id, to name it
     * @param steps sampler steps per chain run, or -1 when unknown
     */
    static Chains classify(String type, ChainStart start, int steps, List<String> reasons) {
        String k = steps >= 0 ? Integer.toString(steps) : "K";
        String source = "The negative source '" + type + "'";
        switch (start.origin()) {
            case UNDECLARED -> {
                reasons.add(source + " declares no chain start (NegativeSourceProvider.chainStart), so where its "
                        + "chains start, and so which objective the run optimises, is unknown.");
                return Chains.UNKNOWN;
            }
            case DATA -> {
                if (!start.persistent()) {
                    reasons.add(source + " starts the chains at the data batch at every training step and runs " + k
                            + " sampler steps (CD-" + (steps >= 0 ? steps : "k") + ").");
                    return Chains.CD_K;
                }
                if (start.resetToData() > 0) {
                    reasons.add(source + " keeps persistent chains that start at the data and restarts each at a "
                            + "data point with probability " + start.resetToData() + " per draw: persistent "
                            + "contrastive divergence (the seed paper's \"true CD\").");
                    return Chains.PERSISTENT_CD;
                }
                reasons.add(source + " keeps persistent chains that start at the data but are never reset to it "
                        + "(resetToData 0): after a few training steps they are persistent chains that forget their "
                        + "start, which estimates the maximum-likelihood gradient, not CD's.");
                return Chains.PERSISTENT;
            }
            case NOISE -> {
                if (!start.persistent()) {
                    reasons.add(source + " starts fresh chains from " + start.originWords() + " at every training "
                            + "step and runs " + k + " sampler steps, so nothing persists between steps.");
                    return Chains.SHORT_RUN;
                }
                String restarts = start.resetToData() > 0 ? " and restarts chains at data points with probability "
                        + start.resetToData() + " per draw, but never starts them there" : ", never at the data";
                reasons.add(source + " keeps chains across training steps (persistent chains) and starts new ones "
                        + "from " + start.originWords() + " (reinit " + start.reinit() + ")" + restarts + ": the "
                        + "negative phase estimates E_pθ[∇E], so this is maximum likelihood, whatever the method is "
                        + "called (Du & Mordatch 2019 call it CD).");
                return Chains.PERSISTENT;
            }
            default -> throw new IllegalStateException("unknown origin " + start.origin());
        }
    }
}
