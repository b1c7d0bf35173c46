/**
 * A program against the framework's public API only: it builds a spec, creates its parts through the plugin
 * registry and runs a training loop the runner does not offer.
 */
module dev.ebm.examples {
    requires dev.ebm.api;
}
