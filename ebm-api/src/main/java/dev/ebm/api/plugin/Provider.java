package dev.ebm.api.plugin;

/**
 * A plugin: a stable {@code type} id, the spec record it reads, and a factory.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} through the kind's interface
 * ({@link EnergyProvider}, {@link SamplerProvider}, ...). The spec chooses among them by {@code type}; two
 * providers of one kind with the same id are refused at start-up.
 *
 * @param <S> the kind's spec interface
 * @param <T> what the provider makes
 */
public interface Provider<S, T> {

    /** The id a spec names in its {@code type} field, e.g. {@code langevin}. */
    String type();

    /** The record class of this provider's spec; it must implement {@code S}. */
    Class<? extends S> specType();

    /** Builds the plugin from a validated spec. */
    T create(S spec, PluginContext context);

    /**
     * The large blocks of memory the plugin will allocate for {@code spec} (buffers, activations), estimated before
     * it is built. The runner adds them up with its own and refuses, before the run starts, a spec that would need
     * more memory than the process may use, naming the field and the estimated size. Small allocations need not be
     * listed; the default lists none.
     */
    default java.util.List<Allocation> allocations(S spec, Sizing sizing) {
        return java.util.List.of();
    }

    /** One line for {@code bin/ebm plugins}. */
    default String description() {
        return "";
    }
}
