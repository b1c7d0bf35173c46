package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.BlurSpec;

/** Provides the {@code blur} transition. */
public final class BlurProvider implements TransitionProvider {
    @Override
    public String type() {
        return "blur";
    }

    @Override
    public Class<BlurSpec> specType() {
        return BlurSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        BlurSpec s = (BlurSpec) spec;
        Images.requireImageSamples("blur", context.sampleShape());
        return new Blur(s.sigma().get(0), s.sigma().get(1), s.p());
    }

    @Override
    public String description() {
        return "Gaussian blur of images [N, C, H, W], sigma drawn from a range; keeps total intensity";
    }
}
