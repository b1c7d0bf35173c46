package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.BrightnessSpec;

/** Provides the {@code brightness} transition. */
public final class BrightnessProvider implements TransitionProvider {
    @Override
    public String type() {
        return "brightness";
    }

    @Override
    public Class<BrightnessSpec> specType() {
        return BrightnessSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        BrightnessSpec s = (BrightnessSpec) spec;
        Images.requireImageSamples("brightness", context.sampleShape());
        PixelRange range = PixelRange.of("brightness", s.range(), context.dataBounds());
        return new Brightness(s.factor().get(0), s.factor().get(1), range, s.clamp(), s.p());
    }

    @Override
    public String description() {
        return "brightness jitter of images [N, C, H, W] (torchvision's ColorJitter brightness)";
    }
}
