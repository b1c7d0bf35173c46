package dev.ebm.api.plugin;

import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.OptimizerSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.TransitionSpec;

/** The kinds of plugin: each has a service interface and a spec interface. */
public enum Kind {
    ENERGY("energy", EnergyProvider.class, EnergySpec.class),
    SAMPLER("sampler", SamplerProvider.class, SamplerSpec.class),
    NEGATIVES("negatives", NegativeSourceProvider.class, NegativeSourceSpec.class),
    OBJECTIVE("objective", ObjectiveProvider.class, ObjectiveSpec.class),
    TRANSITION("transition", TransitionProvider.class, TransitionSpec.class),
    DATA("data", DataProvider.class, DataSpec.class),
    OPTIMIZER("optimizer", OptimizerProvider.class, OptimizerSpec.class);

    private final String label;
    private final Class<? extends Provider<?, ?>> service;
    private final Class<?> specInterface;

    Kind(String label, Class<? extends Provider<?, ?>> service, Class<?> specInterface) {
        this.label = label;
        this.service = service;
        this.specInterface = specInterface;
    }

    public String label() {
        return label;
    }

    public Class<? extends Provider<?, ?>> service() {
        return service;
    }

    public Class<?> specInterface() {
        return specInterface;
    }

    /** The kind whose spec interface is {@code type}, or null. */
    public static Kind ofSpecInterface(Class<?> type) {
        for (Kind k : values()) {
            if (k.specInterface == type) {
                return k;
            }
        }
        return null;
    }
}
