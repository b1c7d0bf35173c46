package dev.ebm.runner.explain;

import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.TermRole;
import dev.ebm.runner.explain.Explainer.Chains;
import dev.ebm.runner.explain.Explainer.Warning;
import java.util.List;

/** Names the objective from the terms' declared roles and the chains' class. */
final class Objectives {
    private Objectives() {}

    /** An objective in words and its stable code. */
    record Named(String words, String code) {}

    /** The objective of a contrastive term {@code id} with these chains. */
    static Named contrastive(String id, TermRole role, Chains chains, int steps, List<String> reasons,
            List<Warning> warnings, Suggestions suggest) {
        String k = steps >= 0 ? Integer.toString(steps) : "k";
        String variant = role.summary().isEmpty() ? "" : " (" + role.summary() + ")";
        boolean modelTerm = role.chains() == TermRole.ChainUse.MODEL;
        switch (chains) {
            case PERSISTENT -> {
                if (role.needsDataChains()) {
                    reasons.add("The term '" + id + "' is defined only for chains that start at the data (CD), but "
                            + "these chains do not.");
                }
                return new Named("maximum likelihood with persistent chains" + variant, "ml-persistent");
            }
            case SHORT_RUN -> {
                warnings.add(new Warning("short-run", "Chains run " + k + " steps from noise and are discarded: the "
                        + "gradient is maximum likelihood's only if " + k + " steps reach p_θ; otherwise the model "
                        + "learns an energy whose short-run sampler matches the data (Nijkamp et al. 2019)."));
                return new Named("short-run MCMC from noise (non-persistent), an approximation of maximum "
                        + "likelihood" + variant, "short-run");
            }
            case CD_K -> {
                if (modelTerm) {
                    warnings.add(new Warning("ml-with-data-chains", "The term is '" + id + "' (maximum likelihood) "
                            + "but the chains start at the data: the loss is CD* (CD-" + k + " without its KL term), "
                            + "not maximum likelihood" + nameIt(suggest) + "."));
                }
                if (role.klTerm()) {
                    reasons.add("The " + id + " term adds CD's KL term −KL(q_θ‖p_Ω), differentiated through the "
                            + "sampling steps, so the gradient is that of the CD objective KL(p_data‖p_θ) − "
                            + "KL(q_θ‖p_θ).");
                    return new Named("contrastive divergence CD-" + k + " (with its KL term)", "cd-k");
                }
                reasons.add("Without CD's KL term the loss is CD* (Gagnon & Lajoie 2022): the gradient of "
                        + "KL(p_data‖p_θ) − KL(q_θ‖p_θ) with q_θ's dependence on θ dropped.");
                return new Named("CD*: CD-" + k + " without its KL term" + variant, "cd-k-star");
            }
            case PERSISTENT_CD -> {
                if (modelTerm) {
                    warnings.add(new Warning("ml-with-data-chains", "The term is '" + id + "' (maximum likelihood) "
                            + "but the chains restart at the data: the loss is persistent CD*, not maximum "
                            + "likelihood" + nameIt(suggest) + "."));
                }
                if (role.klTerm()) {
                    return new Named("persistent contrastive divergence (with its KL term)", "persistent-cd");
                }
                return new Named("persistent CD* (CD without its KL term, chains restarted at the data)" + variant,
                        "persistent-cd-star");
            }
            default -> {
                return new Named("a contrastive loss with chains from a source that declares no chain start"
                        + variant, "unknown");
            }
        }
    }

    /** The objective of terms none of which is contrastive. */
    static Named withoutContrastive(List<String> ids, List<TermRole> roles) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).role() == TermRole.Role.SAMPLE_FREE) {
                return new Named(roles.get(i).summary(), ids.get(i));
            }
        }
        List<String> undeclared = new java.util.ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).role() == TermRole.Role.UNDECLARED) {
                undeclared.add(ids.get(i));
            }
        }
        if (!undeclared.isEmpty()) {
            return new Named("unknown: the terms " + undeclared + " declare no role (ObjectiveProvider.role)",
                    "unknown");
        }
        return new Named("no contrastive term: only regularisers", "none");
    }

    /** Why train refuses a term defined only for chains started at the data. */
    static String dataChainsRefusal(String id, Chains chains, String objectiveWords, Suggestions suggest) {
        String sources = Suggestions.either(suggest.sources(ChainStart::startsAtData));
        String plain = Suggestions.either(suggest.terms(Objectives::plainMaximumLikelihood));
        return "'" + id + "' needs chains started at the data (" + (sources.isEmpty() ? "" : "e.g. negatives: "
                + sources + ", or ") + "a source that declares persistent chains started and restarted at the "
                + "data), but the chains are " + chains.words() + "; bin/ebm explain calls this spec "
                + objectiveWords + ((chains == Chains.PERSISTENT || chains == Chains.SHORT_RUN) && !plain.isEmpty()
                        ? "; use " + plain + " to say so" : "");
    }

    private static String nameIt(Suggestions suggest) {
        String cdStar = Suggestions.either(suggest.terms(r -> r.needsDataChains() && !r.klTerm()
                && r.summary().isEmpty()));
        return cdStar.isEmpty() ? "" : "; name it " + cdStar;
    }

    private static boolean plainMaximumLikelihood(TermRole r) {
        return r.chains() == TermRole.ChainUse.MODEL && !r.klTerm() && r.summary().isEmpty();
    }
}
