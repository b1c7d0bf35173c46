package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.NoiseTransitionSpec;

/** Provides the {@code noise} transition. */
public final class NoiseTransitionProvider implements TransitionProvider {
    @Override
    public String type() {
        return "noise";
    }

    @Override
    public Class<NoiseTransitionSpec> specType() {
        return NoiseTransitionSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        NoiseTransitionSpec s = (NoiseTransitionSpec) spec;
        return new NoiseTransition(s.std(), s.p());
    }

    @Override
    public String description() {
        return "add Gaussian noise (std) to every coordinate";
    }
}
