package dev.ebm.transitions;

import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import dev.ebm.transitions.spec.CropResizeSpec;

/** Provides the {@code crop-resize} transition. */
public final class CropResizeProvider implements TransitionProvider {
    @Override
    public String type() {
        return "crop-resize";
    }

    @Override
    public Class<CropResizeSpec> specType() {
        return CropResizeSpec.class;
    }

    @Override
    public Transition create(TransitionSpec spec, PluginContext context) {
        CropResizeSpec s = (CropResizeSpec) spec;
        Images.requireImageSamples("crop-resize", context.sampleShape());
        return new CropResize(s.scale().get(0), s.scale().get(1), s.ratio().get(0), s.ratio().get(1),
                s.p());
    }

    @Override
    public String description() {
        return "random resized crop of images [N, C, H, W] (torchvision's RandomResizedCrop), bilinear";
    }
}
