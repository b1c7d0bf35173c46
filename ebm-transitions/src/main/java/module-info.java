/** Data-augmentation transitions (elastic deformation, blur, crop-resize, flip, jitter, noise). */
module dev.ebm.transitions {
    requires dev.ebm.api;
}
