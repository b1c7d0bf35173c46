package dev.ebm.runner.logz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.estimators.LogZSuite;
import dev.ebm.estimators.ProposalChoice;
import java.util.List;

/**
 * What {@code bin/ebm logz} runs.
 *
 * @param methods estimator ids in {@link LogZSuite#METHODS} order
 * @param samples model samples, proposal draws and fit samples per estimate
 * @param proposals fitted proposals (the first is IS's proposal and AIS's base)
 * @param aisChains AIS chains
 * @param temperatures AIS temperatures
 * @param aisKernel the AIS transition's sampler spec, or null for the default HMC
 * @param mcmc draw model samples by MCMC even when the energy can be sampled exactly
 * @param repeats independent repetitions (fresh model samples and draws; proposals fitted once)
 */
public record LogZOptions(List<String> methods, int samples, List<ProposalChoice> proposals, int aisChains,
        int temperatures, JsonNode aisKernel, boolean mcmc, int repeats) {

    public LogZOptions {
        methods = List.copyOf(methods);
        proposals = List.copyOf(proposals);
    }

    /** The methods {@code --method M} names: one id, a comma-separated list of ids, or all of them for {@code all}. */
    public static List<String> methods(String m) {
        if (m.equals("all")) {
            return LogZSuite.METHODS;
        }
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (String id : m.split(",")) {
            if (!LogZSuite.METHODS.contains(id.strip())) {
                throw new IllegalArgumentException("--method: unknown '" + id.strip() + "'; known: "
                        + LogZSuite.METHODS + ", all, or a comma-separated list");
            }
            chosen.add(id.strip());
        }
        return LogZSuite.METHODS.stream().filter(chosen::contains).toList();
    }

    /** The default: [gaussian, gaussian*1.5], 200 AIS chains at 200 temperatures, one repetition. */
    public static LogZOptions defaults(List<String> methods, int samples) {
        return new LogZOptions(methods, samples, List.of(ProposalChoice.parse("gaussian"),
                ProposalChoice.parse("gaussian*1.5")), 200, 200, null, false, 1);
    }
}
