package dev.ebm.runner.explain;

import dev.ebm.api.plugin.PluginException;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.api.traits.TermRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Says which objective a spec really optimises, following Gagnon &amp; Lajoie (2022): what decides between maximum
 * likelihood and contrastive divergence is where the negative chains start and whether they persist, not the name
 * a paper (or a spec) gives its loss.
 *
 * <p>The explainer knows plugins only by what their providers declare for the spec: the negative source's
 * {@link ChainStart}, each term's {@link TermRole} and the sampler's {@link KernelTraits}. Type ids only name
 * plugins in its sentences, so a third-party plugin that declares its traits is explained like a built-in one.
 * Nothing is built: explaining needs neither the data nor memory for the model.
 */
public final class Explainer {
    private final PluginRegistry registry;

    /** @param registry the registry the spec was bound with */
    public Explainer(PluginRegistry registry) {
        this.registry = registry;
    }

    /** How the chains of a spec start and live. */
    public enum Chains {
        /** Persistent chains started from noise, or from data but never reset to it. */
        PERSISTENT("maximum likelihood with persistent chains"),
        /** Fresh chains from noise at every training step. */
        SHORT_RUN("short-run (non-persistent) chains from noise"),
        /** Fresh chains from the data batch at every training step. */
        CD_K("CD-k: fresh chains from the data batch"),
        /** Persistent chains that restart at data points with a positive probability. */
        PERSISTENT_CD("persistent CD: buffered chains that restart at the data"),
        /** No chains: the objective needs no negative samples. */
        NONE("no MCMC chains"),
        /** A negative source that declares no chain start. */
        UNKNOWN("chains from a source that declares no chain start");

        private final String words;

        Chains(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean startAtData() {
            return this == CD_K || this == PERSISTENT_CD;
        }
    }

    /**
     * What the spec optimises.
     *
     * @param objective the objective in plain words
     * @param code a stable identifier of the objective class, e.g. {@code ml-persistent}, {@code cd-k-star}
     * @param chains how the negative chains start and live
     * @param reasons why, one sentence each
     * @param warnings pitfalls found in the spec
     * @param temperature the temperature the sampler's dynamics target, or null when unknown or without a sampler
     * @param refusals what {@code bin/ebm train} refuses in this spec (empty when it trains)
     */
    public record Explanation(String objective, String code, Chains chains, List<String> reasons,
            List<Warning> warnings, Double temperature, List<SpecProblem> refusals) {}

    /** A pitfall: a stable code and a message. */
    public record Warning(String code, String message) {}

    /**
     * Explains a resolved spec.
     *
     * @throws SpecException when a provider fails to declare its traits (under the plugin's spec path, with the
     *     plugin's id and message)
     */
    public Explanation explain(ExperimentSpec spec) {
        List<String> reasons = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<SpecProblem> refusals = new ArrayList<>();
        List<ObjectiveSpec> objective = spec.objective() == null ? List.of() : spec.objective();
        List<String> ids = new ArrayList<>();
        List<TermRole> roles = new ArrayList<>();
        for (int i = 0; i < objective.size(); i++) {
            ObjectiveSpec os = objective.get(i);
            ids.add(registry.typeOf(os));
            roles.add(declared("objective[" + i + "]", () -> registry.role(os)));
        }
        boolean needsChains = roles.stream().anyMatch(TermRole::dependsOnChains);
        Integer k = spec.sampler() == null ? null : spec.sampler().steps();
        int steps = k == null ? -1 : k;
        Chains chains = Chains.NONE;
        if (spec.negatives() == null && needsChains) {
            reasons.add("No negatives section: bin/ebm train needs one; bin/ebm sample starts fresh chains from "
                    + "Gaussian noise.");
            chains = Chains.SHORT_RUN;
        } else if (spec.negatives() != null) {
            ChainStart start = declared("negatives", () -> registry.chainStart(spec.negatives()));
            chains = ChainWords.classify(registry.typeOf(spec.negatives()), start, steps, reasons);
        }
        if (!needsChains && chains != Chains.NONE && !objective.isEmpty()) {
            reasons.add("No objective term uses the negative samples, so the chains do not affect the gradient.");
        }
        Double temperature = null;
        if (spec.sampler() != null) {
            KernelTraits kt = declared("sampler", () -> registry.kernelTraits(spec.sampler()));
            temperature = SamplerWords.explain(registry.typeOf(spec.sampler()), kt, reasons, warnings);
        }

        int c = -1;
        for (int i = 0; i < roles.size() && c < 0; i++) {
            c = roles.get(i).role() == TermRole.Role.CONTRASTIVE ? i : -1;
        }
        Suggestions suggest = new Suggestions(registry);
        String objectiveWords;
        String code;
        if (objective.isEmpty()) {
            objectiveWords = "none: a sampling-only spec (bin/ebm sample draws from its energy; nothing is trained)";
            code = "sample-only";
        } else if (c >= 0) {
            Objectives.Named named = Objectives.contrastive(ids.get(c), roles.get(c), chains, steps, reasons,
                    warnings, suggest);
            objectiveWords = named.words();
            code = named.code();
        } else {
            Objectives.Named named = Objectives.withoutContrastive(ids, roles);
            objectiveWords = named.words();
            code = named.code();
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).role() == TermRole.Role.KL_AUXILIARY && c >= 0) {
                objectiveWords += ", plus " + roles.get(i).summary();
            }
        }
        for (int i = 0; i < roles.size(); i++) {
            TermRole role = roles.get(i);
            String id = ids.get(i);
            if (role.needsDataChains() && !chains.startAtData()) {
                refusals.add(new SpecProblem("objective[" + i + "].type", Objectives.dataChainsRefusal(id, chains,
                        objectiveWords, suggest)));
                warnings.add(new Warning("cd-without-data-chains", "objective[" + i + "] is '" + id + "', which is "
                        + "defined only for chains started at the data, but the chains are " + chains.words()
                        + ", so the loss is not contrastive divergence; bin/ebm train refuses this spec."));
            }
            if (role.klSign() == TermRole.KlSign.OPPOSITE_TO_CD && chains.startAtData()) {
                warnings.add(new Warning("kl-aux-sign", "'" + id + "' declares the sign opposite to CD's KL term, "
                        + "with chains started at the data: this is neither CD (which needs the sign of CD's KL term) "
                        + "nor maximum likelihood."));
            }
            reasons.addAll(role.notes());
        }
        return new Explanation(objectiveWords, code, chains, List.copyOf(reasons), List.copyOf(warnings), temperature,
                List.copyOf(refusals));
    }

    /** A provider's declaration; a provider that fails is reported under {@code path}. */
    private static <T> T declared(String path, Supplier<T> declaration) {
        try {
            return declaration.get();
        } catch (PluginException e) {
            throw new SpecException(path, e.getMessage());
        } catch (SpecException e) {
            throw e.under(path);
        }
    }
}
