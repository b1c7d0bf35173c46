package dev.ebm.transitions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.TransitionSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Transitions built from JSON specs through the registry, as a run builds them. */
final class Plugins {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    private Plugins() {}

    static TransitionSpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), TransitionSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Transition transition(String json, long... sampleShape) {
        return REGISTRY.create(spec(json), new PluginContext(DataType.FLOAT, sampleShape, null, REGISTRY, new Rng(0)));
    }

    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
