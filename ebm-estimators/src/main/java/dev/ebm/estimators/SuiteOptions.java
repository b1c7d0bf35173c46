package dev.ebm.estimators;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ebm.estimators.ais.AisOptions;
import java.util.List;

/**
 * What {@link LogZSuite} runs with.
 *
 * @param proposals fitted proposals; the first is the proposal of {@code is}, {@code ris} and {@code bridge} and the
 *     base of {@code ais} and {@code rais}; {@code mis} and {@code rlr} use all of them
 * @param samples draws from the proposals per estimate (split evenly over them for {@code mis} and {@code rlr})
 * @param ais the annealing schedule
 * @param aisChains chains for {@code ais} and {@code rais} (reverse chains start from the first model samples)
 * @param aisKernel the sampler spec of the AIS transitions (e.g. {@code {type: mala, epsilon: 0.2}}), or null for
 *     {@code {type: hmc, stepSize: 0.5·σ_min·d^(−1/4), leapfrogSteps: 5}} with σ_min the base's smallest std
 */
public record SuiteOptions(List<ProposalChoice> proposals, int samples, AisOptions ais, int aisChains,
        JsonNode aisKernel) {

    public SuiteOptions {
        if (proposals == null || proposals.isEmpty()) {
            throw new IllegalArgumentException("at least one proposal is needed");
        }
        proposals = List.copyOf(proposals);
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, found " + samples);
        }
        if (aisChains < 2) {
            throw new IllegalArgumentException("AIS chains must be >= 2, found " + aisChains);
        }
    }

    /** Proposals [gaussian, gaussian*1.5], the given sample count, default AIS with 200 chains. */
    public static SuiteOptions defaults(int samples) {
        return new SuiteOptions(List.of(ProposalChoice.parse("gaussian"), ProposalChoice.parse("gaussian*1.5")),
                samples, AisOptions.defaults(), 200, null);
    }
}
