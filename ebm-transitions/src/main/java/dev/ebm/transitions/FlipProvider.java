package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.FlipSpec;

/** Provides the {@code flip} transition. */
public final class FlipProvider implements TransitionProvider {
    @Override
    public String type() {
        return "flip";
    }

    @Override
    public Class<FlipSpec> specType() {
        return FlipSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        FlipSpec s = (FlipSpec) spec;
        Images.requireImageSamples("flip", context.sampleShape());
        return new Flip(s.p());
    }

    @Override
    public String description() {
        return "horizontal flip of images [N, C, H, W] with probability p";
    }
}
