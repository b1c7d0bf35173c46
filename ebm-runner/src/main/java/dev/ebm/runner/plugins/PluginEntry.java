package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.Provider;

/**
 * One provider found on the module path, the class path or in a plugin directory: its kind, the provider itself and where it came from. The runner's
 * Guice wiring contributes every entry to a multibinding, and the {@link PluginCatalog} is built from that set.
 *
 * @param kind the provider's kind
 * @param provider the provider instance (ServiceLoader made it; it is shared by every run)
 * @param origin where its class was loaded from
 */
public record PluginEntry(Kind kind, Provider<?, ?> provider, PluginOrigin origin) {

    /** The provider's type id. */
    public String type() {
        return provider.type();
    }

    /** {@code kind 'type'}, e.g. {@code energy 'quadratic'}. */
    public String label() {
        return kind.label() + " '" + provider.type() + "'";
    }
}
