/** Example specs, one per paper variant, and an example third-party plugin. */
module dev.ebm.examples {
    requires dev.ebm.api;
}
