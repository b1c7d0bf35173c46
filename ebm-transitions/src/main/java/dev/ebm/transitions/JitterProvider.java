package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.JitterSpec;

/** Provides the {@code jitter} transition. */
public final class JitterProvider implements TransitionProvider {
    @Override
    public String type() {
        return "jitter";
    }

    @Override
    public Class<JitterSpec> specType() {
        return JitterSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        JitterSpec s = (JitterSpec) spec;
        Images.requireImageSamples("jitter", context.sampleShape());
        return new Jitter(s.pixels(), s.fill(), s.p());
    }

    @Override
    public String description() {
        return "random translation of images [N, C, H, W] by up to pixels in each direction";
    }
}
