package dev.ebm.runner.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Says which objective a spec really optimises, following Gagnon &amp; Lajoie (2022): what decides between maximum
 * likelihood and contrastive divergence is where the negative chains start and whether they persist, not the name
 * a paper (or a spec) gives its loss.
 *
 * <p>The explainer reads the resolved spec as a tree, so it needs no compile-time knowledge of plugin spec
 * records; a third-party sampler or source it does not know is reported as such.
 */
public final class Explainer {
    /** Terms whose gradient is "positive phase minus negative phase", so their meaning depends on the chains. */
    private static final Set<String> CONTRASTIVE = Set.of("ml", "cd-star", "cd", "softplus", "logsumexp");
    /** Terms that are defined only for chains started at the data. */
    private static final Set<String> DATA_CHAIN_TERMS = Set.of("cd-star", "cd");
    /** Terms that need no negative samples. */
    private static final Set<String> SAMPLE_FREE = Set.of("nce", "dsm");

    private final ObjectMapper mapper;

    /** @param mapper a mapper with every plugin's spec types registered (the spec loader's) */
    public Explainer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** How the chains of a spec start and live. */
    public enum Chains {
        /** Persistent chains (replay buffer) started from noise, or from data but never reset to it. */
        PERSISTENT("maximum likelihood with persistent chains"),
        /** Fresh chains from noise at every training step. */
        SHORT_RUN("short-run (non-persistent) chains from noise"),
        /** Fresh chains from the data batch at every training step. */
        CD_K("CD-k: fresh chains from the data batch"),
        /** Persistent chains that restart at data points with a positive probability. */
        PERSISTENT_CD("persistent CD: buffered chains that restart at the data"),
        /** No chains: the objective needs no negative samples. */
        NONE("no MCMC chains"),
        /** A negative source this explainer does not know. */
        UNKNOWN("chains from an unknown source");

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

    /** Explains a resolved spec. */
    public Explanation explain(ExperimentSpec spec) {
        JsonNode root = mapper.valueToTree(spec);
        JsonNode sampler = root.path("sampler");
        JsonNode negatives = root.path("negatives");
        JsonNode objective = root.path("objective");
        List<String> reasons = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<SpecProblem> refusals = new ArrayList<>();

        List<String> terms = new ArrayList<>();
        for (JsonNode t : objective) {
            terms.add(t.path("type").asText());
        }
        boolean needsChains = terms.stream().anyMatch(t -> !SAMPLE_FREE.contains(t) && !t.equals("energy-l2"));
        int steps = sampler.path("steps").asInt(-1);
        Chains chains = needsChains || !negatives.isMissingNode() ? classify(negatives, steps, reasons) : Chains.NONE;
        if (!needsChains && chains != Chains.NONE && !terms.isEmpty()) {
            reasons.add("No objective term uses the negative samples, so the chains do not affect the gradient.");
        }
        Double temperature = sampler.isMissingNode() ? null : samplerTemperature(sampler, reasons, warnings);

        String contrastive = terms.stream().filter(CONTRASTIVE::contains).findFirst().orElse(null);
        String objectiveWords;
        String code;
        if (terms.isEmpty()) {
            objectiveWords = "none: a sampling-only spec (bin/ebm sample draws from its energy; nothing is trained)";
            code = "sample-only";
        } else if (contrastive == null) {
            if (terms.contains("nce")) {
                objectiveWords = "noise-contrastive estimation (a logistic classifier between data and a fixed noise "
                        + "distribution, learning log Z as a parameter)";
                code = "nce";
                reasons.add("The nce term needs no MCMC: its negatives are draws from the noise distribution.");
            } else if (terms.contains("dsm")) {
                objectiveWords = "denoising score matching (fits the score of the data convolved with Gaussian noise)";
                code = "dsm";
                reasons.add("The dsm term matches ∇ₓE to the score of the noised data; it needs no MCMC, and the "
                        + "density it recovers is the data's convolved with N(0, σ²I).");
            } else {
                objectiveWords = "no contrastive term: only regularisers";
                code = "none";
            }
        } else {
            String[] oc = contrastiveObjective(contrastive, chains, steps, reasons, warnings);
            objectiveWords = oc[0];
            code = oc[1];
        }

        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).equals("kl-aux") && contrastive != null) {
                objectiveWords += ", plus the KL auxiliary loss of Du et al. 2020 (sign "
                        + objective.get(i).path("sign").asText("du2020") + ")";
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            JsonNode term = objective.get(i);
            if (DATA_CHAIN_TERMS.contains(t) && !chains.startAtData()) {
                refusals.add(new SpecProblem("objective[" + i + "].type", "'" + t + "' needs chains started at the "
                        + "data (negatives: {type: data}, or a replay-buffer with init: data and resetToData > 0), "
                        + "but the chains are " + chains.words() + "; bin/ebm explain calls this spec "
                        + objectiveWords + (chains == Chains.PERSISTENT || chains == Chains.SHORT_RUN
                                ? "; use 'ml' to say so" : "")));
                warnings.add(new Warning("cd-without-data-chains", "objective[" + i + "] is '" + t + "', but the "
                        + "chains are " + chains.words() + ", so the loss is not contrastive divergence; "
                        + "bin/ebm train refuses this spec."));
            }
            if (t.equals("kl-aux")) {
                String sign = term.path("sign").asText("du2020");
                double ew = term.path("entropy").path("weight").asDouble(1.0);
                reasons.add("kl-aux adds the KL auxiliary loss of Du et al. (2020) with sign '" + sign + "': "
                        + (sign.equals("cd")
                                ? "it raises the chain end point's energy and lowers its entropy, the sign of CD's KL term"
                                : "it lowers the chain end point's energy and raises its entropy, the opposite of CD's KL term")
                        + (ew == 0 ? " (entropy part off)." : "."));
                if (sign.equals("du2020") && chains.startAtData()) {
                    warnings.add(new Warning("kl-aux-sign", "kl-aux uses sign du2020 with chains started at the "
                            + "data: CD's KL term has the opposite sign, so this is neither CD (which would need "
                            + "sign: cd) nor maximum likelihood."));
                }
            }
            if (t.equals("energy-l2")) {
                reasons.add("energy-l2 (weight " + term.path("weight").asDouble(1.0) + ") regularises the energies: "
                        + "the optimum is then no longer exactly p_data.");
            }
        }
        return new Explanation(objectiveWords, code, chains, List.copyOf(reasons), List.copyOf(warnings), temperature,
                List.copyOf(refusals));
    }

    private static Chains classify(JsonNode negatives, int steps, List<String> reasons) {
        String type = negatives.path("type").asText("noise");
        if (negatives.isMissingNode()) {
            reasons.add("No negatives section: bin/ebm train needs one; bin/ebm sample starts fresh chains from "
                    + "Gaussian noise.");
            return Chains.SHORT_RUN;
        }
        switch (type) {
            case "noise" -> {
                reasons.add("negatives.type is 'noise': every training step starts fresh chains from noise and runs "
                        + (steps >= 0 ? steps : "K") + " sampler steps, so nothing persists between steps.");
                return Chains.SHORT_RUN;
            }
            case "data" -> {
                reasons.add("negatives.type is 'data': every training step starts the chains at the data batch and "
                        + "runs " + (steps >= 0 ? steps : "K") + " sampler steps (CD-" + (steps >= 0 ? steps : "k") + ").");
                return Chains.CD_K;
            }
            case "replay-buffer" -> {
                String init = negatives.path("init").asText("uniform");
                double reset = negatives.path("resetToData").asDouble(0);
                double reinit = negatives.path("reinit").asDouble(0);
                if (init.equals("data") && reset > 0) {
                    reasons.add("The replay buffer starts chains at the data and restarts each at a data point with "
                            + "probability " + reset + " per draw: persistent contrastive divergence (the seed "
                            + "paper's \"true CD\").");
                    return Chains.PERSISTENT_CD;
                }
                if (init.equals("data")) {
                    reasons.add("The replay buffer's chains start at the data but are never reset to it "
                            + "(resetToData 0): after a few training steps they are persistent chains that forget "
                            + "their start, which estimates the maximum-likelihood gradient, not CD's.");
                } else {
                    reasons.add("The replay buffer keeps chains across training steps (persistent chains) and starts "
                            + "new ones from " + init + " noise (reinit " + reinit + "), never at the data: the "
                            + "negative phase estimates E_pθ[∇E], so this is maximum likelihood, whatever the "
                            + "method is called (Du & Mordatch 2019 call it CD).");
                }
                return Chains.PERSISTENT;
            }
            default -> {
                reasons.add("negatives.type '" + type + "' is not a source this explainer knows.");
                return Chains.UNKNOWN;
            }
        }
    }

    private static String[] contrastiveObjective(String term, Chains chains, int steps, List<String> reasons,
            List<Warning> warnings) {
        String k = steps >= 0 ? Integer.toString(steps) : "k";
        String variant = switch (term) {
            case "softplus" -> " (softplus form of the contrastive loss)";
            case "logsumexp" -> " (log-sum-exp form: self-normalised importance weights on the negatives)";
            default -> "";
        };
        switch (chains) {
            case PERSISTENT -> {
                if (term.equals("cd-star") || term.equals("cd")) {
                    reasons.add("The term is named '" + term + "', but CD needs chains that start at the data.");
                }
                return new String[] {"maximum likelihood with persistent chains" + variant, "ml-persistent"};
            }
            case SHORT_RUN -> {
                warnings.add(new Warning("short-run", "Chains run " + k + " steps from noise and are discarded: the "
                        + "gradient is maximum likelihood's only if " + k + " steps reach p_θ; otherwise the model "
                        + "learns an energy whose short-run sampler matches the data (Nijkamp et al. 2019)."));
                return new String[] {"short-run MCMC from noise (non-persistent), an approximation of maximum "
                        + "likelihood" + variant, "short-run"};
            }
            case CD_K -> {
                if (term.equals("ml")) {
                    warnings.add(new Warning("ml-with-data-chains", "The term is 'ml' but the chains start at the "
                            + "data: the loss is CD* (CD-" + k + " without its KL term), not maximum likelihood; "
                            + "name it cd-star."));
                }
                if (term.equals("cd")) {
                    reasons.add("The cd term adds CD's KL term −KL(q_θ‖p_Ω), differentiated through the sampling "
                            + "steps, so the gradient is that of the CD objective KL(p_data‖p_θ) − KL(q_θ‖p_θ).");
                    return new String[] {"contrastive divergence CD-" + k + " (with its KL term)", "cd-k"};
                }
                reasons.add("Without CD's KL term the loss is CD* (Gagnon & Lajoie 2022): the gradient of "
                        + "KL(p_data‖p_θ) − KL(q_θ‖p_θ) with q_θ's dependence on θ dropped.");
                return new String[] {"CD*: CD-" + k + " without its KL term" + variant, "cd-k-star"};
            }
            case PERSISTENT_CD -> {
                if (term.equals("ml")) {
                    warnings.add(new Warning("ml-with-data-chains", "The term is 'ml' but the chains restart at "
                            + "the data: the loss is persistent CD*, not maximum likelihood; name it cd-star."));
                }
                if (term.equals("cd")) {
                    return new String[] {"persistent contrastive divergence (with its KL term)", "persistent-cd"};
                }
                return new String[] {"persistent CD* (CD without its KL term, chains restarted at the data)" + variant,
                    "persistent-cd-star"};
            }
            default -> {
                return new String[] {"a contrastive loss with chains from an unknown source" + variant, "unknown"};
            }
        }
    }

    private static Double samplerTemperature(JsonNode sampler, List<String> reasons, List<Warning> warnings) {
        String type = sampler.path("type").asText();
        switch (type) {
            case "langevin" -> {
                JsonNode eps = sampler.path("epsilon");
                if (!eps.isMissingNode() && !eps.isNull()) {
                    double e = eps.asDouble();
                    reasons.add("The sampler is the discretised Langevin SDE (epsilon " + e + ", step ε²/2 = "
                            + fmt(e * e / 2) + ", noise ε): temperature 1, unadjusted, so it carries an O(ε²) bias.");
                    commonLangevinWarnings(sampler, warnings);
                    return 1.0;
                }
                double step = sampler.path("stepSize").asDouble();
                double noise = sampler.path("noise").asDouble();
                commonLangevinWarnings(sampler, warnings);
                if (noise == 0) {
                    warnings.add(new Warning("noise-free", "noise is 0: the sampler is gradient descent on the "
                            + "energy, not MCMC; the negatives are (near) local minima, which Xiao et al. read as "
                            + "a generator trained with a self-adversarial loss."));
                    return 0.0;
                }
                double t = noise * noise / (2 * step);
                warnings.add(new Warning("decoupled-langevin", "stepSize " + fmt(step) + " and noise " + fmt(noise)
                        + " are decoupled: this is not the discretised Langevin SDE at temperature 1 but samples "
                        + "exp(−E/T) with T = noise²/(2·stepSize) = " + fmt(t) + "."));
                return t;
            }
            case "gd" -> {
                warnings.add(new Warning("noise-free", "The gd sampler is noise-free gradient descent on the energy, "
                        + "not MCMC; the negatives are (near) local minima."));
                return 0.0;
            }
            case "mala", "hmc" -> {
                reasons.add("The " + type + " sampler has a Metropolis–Hastings test, so it targets exp(−E) at "
                        + "temperature 1 exactly, whatever its step size.");
                if (sampler.path("clamp").isArray()) {
                    reasons.add("Its clamp box rejects proposals outside: it samples exp(−E) restricted to the box.");
                }
                return 1.0;
            }
            case "replica-exchange" -> {
                reasons.add("Replica exchange reports its temperature-1 chains, which target exp(−E).");
                return 1.0;
            }
            default -> {
                reasons.add("The sampler '" + type + "' is not one this explainer knows; its temperature is unknown.");
                return null;
            }
        }
    }

    private static void commonLangevinWarnings(JsonNode sampler, List<Warning> warnings) {
        if (sampler.path("gradClip").isNumber()) {
            warnings.add(new Warning("grad-clip", "gradClip " + fmt(sampler.path("gradClip").asDouble())
                    + " clips each element of ∇E: where the energy is steep the drift is no longer the Langevin "
                    + "drift, and the chains do not target exp(−E/T) there."));
        }
        if (sampler.path("clamp").isArray()) {
            warnings.add(new Warning("clamp", "Unadjusted Langevin clamped to " + sampler.path("clamp")
                    + " piles mass on the box's faces; it does not sample exp(−E) restricted to the box "
                    + "(mala rejects such moves instead)."));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }
}
