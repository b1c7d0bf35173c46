package dev.ebm.estimators;

import dev.ebm.api.Rng;
import dev.ebm.estimators.proposal.DifferentiableProposal;
import dev.ebm.estimators.proposal.GaussianProposal;
import dev.ebm.estimators.proposal.MixtureProposal;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A proposal fitted to samples, written {@code gaussian}, {@code gaussian*1.5}, {@code mixture:8} or
 * {@code mixture:8*1.2}: a full-covariance Gaussian, or a mixture of K of them fitted by EM, with standard deviations
 * multiplied by the scale after {@code *} (default 1).
 *
 * @param kind {@code gaussian} or {@code mixture}
 * @param components K for a mixture, 1 for a Gaussian
 * @param scale the factor on the fitted standard deviations, > 0
 */
public record ProposalChoice(String kind, int components, double scale) {
    /** EM iterations for fitted mixtures. */
    public static final int EM_ITERATIONS = 200;

    public ProposalChoice {
        if (!kind.equals("gaussian") && !kind.equals("mixture")) {
            throw new IllegalArgumentException("proposal: unknown '" + kind + "'; known: [gaussian, mixture:K]");
        }
        if (components < 1 || (kind.equals("gaussian") && components != 1)) {
            throw new IllegalArgumentException("proposal: a " + kind + " cannot have " + components + " components");
        }
        if (!(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("proposal: the scale must be > 0, found " + scale);
        }
    }

    /** Reads {@code gaussian[*S]} or {@code mixture:K[*S]}. */
    public static ProposalChoice parse(String text) {
        String t = text.trim();
        double scale = 1;
        int star = t.indexOf('*');
        try {
            if (star >= 0) {
                scale = Double.parseDouble(t.substring(star + 1));
                t = t.substring(0, star);
            }
            if (t.equals("gaussian")) {
                return new ProposalChoice("gaussian", 1, scale);
            }
            if (t.startsWith("mixture:")) {
                return new ProposalChoice("mixture", Integer.parseInt(t.substring("mixture:".length())), scale);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proposal: cannot read '" + text + "'; write gaussian, gaussian*1.5, "
                    + "mixture:8 or mixture:8*1.2");
        }
        throw new IllegalArgumentException("proposal: unknown '" + text + "'; known: gaussian[*SCALE], "
                + "mixture:K[*SCALE]");
    }

    /** The proposal fitted to the rows of {@code x}. */
    public DifferentiableProposal fit(INDArray x, Rng rng) {
        return kind.equals("gaussian") ? GaussianProposal.fit(x, scale)
                : MixtureProposal.fit(x, components, scale, EM_ITERATIONS, rng);
    }

    /** This choice's proposal from the same fit at scale 1 ({@code unscaled}, made by {@link #atUnitScale()}). */
    public DifferentiableProposal rescale(DifferentiableProposal unscaled) {
        if (scale == 1) {
            return unscaled;
        }
        return unscaled instanceof GaussianProposal g ? g.scaled(scale) : ((MixtureProposal) unscaled).scaled(scale);
    }

    /** The same choice at scale 1. */
    public ProposalChoice atUnitScale() {
        return new ProposalChoice(kind, components, 1);
    }

    @Override
    public String toString() {
        return (kind.equals("gaussian") ? "gaussian" : "mixture:" + components) + (scale == 1 ? "" : "*" + scale);
    }
}
