package dev.ebm.samplers.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.OneOf;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecFields;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.TransitionSpec;
import java.util.List;

/**
 * Persistent chains kept in a replay buffer (Du &amp; Mordatch 2019).
 *
 * @param capacity samples kept (default 10000)
 * @param policy {@code fifo} (default: the oldest are overwritten), {@code reservoir} (a uniform sample of
 *     everything seen) or {@code slots} (every chain of a draw comes with a slot of the buffer, drawn uniformly, and
 *     its end point is written back to that slot, as in IGEBM and JEM: a chain taken from the buffer continues in
 *     place, a reinitialised one replaces the slot's content; needs a full buffer, so it implies {@code prefill})
 * @param init where new chains start: {@code uniform} (default), {@code gaussian} or {@code data}
 * @param reinit probability that a chain is redrawn from {@code init} instead of the buffer (default 0.05)
 * @param resetToData probability that a chain restarts at a data point (default 0); the seed paper's "true CD"
 *     is {@code init: data} with {@code resetToData: 0.1}
 * @param std standard deviation of the Gaussian init (default 1)
 * @param low lower end of the uniform init, or null for the data's box
 * @param high upper end of the uniform init, or null for the data's box
 * @param transitions applied, in order, to the chains a draw takes from the buffer (not to fresh inits or data
 *     restarts), e.g. data augmentation of persistent chains (default none)
 * @param prefill fill the whole buffer from {@code init} when it is created, so that draws come from the buffer
 *     from the first step (default false: the buffer starts empty and fills with accepted end points; true for
 *     {@code policy: slots})
 */
public record ReplayBufferSpec(
        @Default("10000") @Range(min = 0, exclusiveMin = true) Integer capacity,
        @Default("fifo") @OneOf({"fifo", "reservoir", "slots"}) String policy,
        @Default("uniform") @OneOf({"data", "gaussian", "uniform"}) String init,
        @Default("0.05") @Range(min = 0, max = 1) Double reinit,
        @Default("0") @Range(min = 0, max = 1) Double resetToData,
        @Default("1") @Range(min = 0, exclusiveMin = true) Double std,
        @Range Double low, @Range Double high,
        List<TransitionSpec> transitions, Boolean prefill) implements NegativeSourceSpec {
    public static final List<String> POLICIES = SpecFields.choices(ReplayBufferSpec.class, "policy");
    public static final List<String> INITS = SpecFields.choices(ReplayBufferSpec.class, "init");

    public ReplayBufferSpec {
        Checks c = new Checks(ReplayBufferSpec.class);
        capacity = c.field("capacity", capacity);
        policy = c.field("policy", policy);
        init = c.field("init", init);
        reinit = c.field("reinit", reinit);
        resetToData = c.field("resetToData", resetToData);
        if (reinit != null && resetToData != null) {
            c.check(reinit + resetToData <= 1, "resetToData", "reinit + resetToData must be <= 1, found "
                    + (reinit + resetToData));
        }
        std = c.field("std", std);
        low = c.field("low", low);
        high = c.field("high", high);
        InitChecks.range(c, low, high);
        transitions = TransitionChecks.list(c, transitions);
        if ("slots".equals(policy)) {
            c.check(!Boolean.FALSE.equals(prefill), "prefill", "policy slots writes chains back to the slots they "
                    + "were drawn from and needs a full buffer: prefill must be true (the default for slots), found false");
            prefill = true;
        } else {
            prefill = prefill != null && prefill;
        }
        c.done();
    }

    /** A buffer without transitions. */
    public ReplayBufferSpec(Integer capacity, String policy, String init, Double reinit, Double resetToData,
            Double std, Double low, Double high) {
        this(capacity, policy, init, reinit, resetToData, std, low, high, null, null);
    }

    /** A buffer that is not prefilled (unless the policy needs it). */
    public ReplayBufferSpec(Integer capacity, String policy, String init, Double reinit, Double resetToData,
            Double std, Double low, Double high, List<TransitionSpec> transitions) {
        this(capacity, policy, init, reinit, resetToData, std, low, high, transitions, null);
    }
}
