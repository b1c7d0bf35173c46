/**
 * Data-augmentation transitions on samples: Gaussian noise (any shape) and, for images {@code [N, C, H, W]},
 * random translation (jitter), horizontal flips, elastic deformation (Simard's smoothed field or elasticdeform's
 * control grid), Gaussian blur, random resized crops, and contrast and brightness jitter. Each acts on every sample
 * independently with a probability {@code p}.
 */
module dev.ebm.transitions {
    requires dev.ebm.api;

    opens dev.ebm.transitions.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.TransitionProvider with
            dev.ebm.transitions.NoiseTransitionProvider,
            dev.ebm.transitions.JitterProvider,
            dev.ebm.transitions.FlipProvider,
            dev.ebm.transitions.elastic.ElasticProvider,
            dev.ebm.transitions.BlurProvider,
            dev.ebm.transitions.CropResizeProvider,
            dev.ebm.transitions.ContrastProvider,
            dev.ebm.transitions.BrightnessProvider;
}
