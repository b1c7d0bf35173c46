/**
 * Data-augmentation transitions: Gaussian noise, random translation (jitter) and horizontal flips of images.
 * Elastic deformation, blur and crop-resize are planned.
 */
module dev.ebm.transitions {
    requires dev.ebm.api;

    opens dev.ebm.transitions.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.TransitionProvider with
            dev.ebm.transitions.NoiseTransitionProvider,
            dev.ebm.transitions.JitterProvider,
            dev.ebm.transitions.FlipProvider;
}
