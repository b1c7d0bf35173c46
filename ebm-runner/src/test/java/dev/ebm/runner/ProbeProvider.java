package dev.ebm.runner;

import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.plugin.ObjectiveProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.ObjectiveSpec;

/** Test providers of objective terms that inject runner services: {@code probe}, and {@code needs-unbound}. */
public final class ProbeProvider implements ObjectiveProvider {
    private final boolean broken;

    ProbeProvider(boolean broken) {
        this.broken = broken;
    }

    /** The spec of both test terms. */
    public record ProbeSpec(Double weight) implements ObjectiveSpec {
        public ProbeSpec {
            Checks c = new Checks();
            weight = c.finite("weight", weight, 1.0);
            c.done();
        }
    }

    /** The spec of the term whose injection fails. */
    public record BrokenSpec(Double weight) implements ObjectiveSpec {
        public BrokenSpec {
            weight = weight == null ? 1.0 : weight;
        }
    }

    /** Something no run binds. */
    public interface Unbound {}

    /** A term that injects {@link Unbound}. */
    public static final class NeedsUnbound implements ObjectiveTerm {
        @jakarta.inject.Inject
        Unbound thing;

        @Override
        public dev.ebm.autodiff.Tensor loss(dev.ebm.api.TrainBatch batch) {
            return batch.ePos().mean();
        }
    }

    @Override
    public String type() {
        return broken ? "needs-unbound" : "probe";
    }

    @Override
    public Class<? extends ObjectiveSpec> specType() {
        return broken ? BrokenSpec.class : ProbeSpec.class;
    }

    @Override
    public ObjectiveTerm create(ObjectiveSpec spec, PluginContext context) {
        return broken ? new NeedsUnbound() : new ProbeTerm();
    }
}
