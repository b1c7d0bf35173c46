package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.ContrastSpec;

/** Provides the {@code contrast} transition. */
public final class ContrastProvider implements TransitionProvider {
    @Override
    public String type() {
        return "contrast";
    }

    @Override
    public Class<ContrastSpec> specType() {
        return ContrastSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        ContrastSpec s = (ContrastSpec) spec;
        Images.requireImageSamples("contrast", context.sampleShape());
        PixelRange range = PixelRange.of("contrast", s.range(), context.dataBounds());
        return new Contrast(s.factor().get(0), s.factor().get(1), range, s.clamp(), s.p());
    }

    @Override
    public String description() {
        return "contrast jitter of images [N, C, H, W] (torchvision's ColorJitter contrast)";
    }
}
