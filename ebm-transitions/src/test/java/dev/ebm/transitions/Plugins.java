package dev.ebm.transitions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.Box;
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

    /** A transition built for data whose bounding box is {@code bounds}. */
    static Transition transition(String json, Box bounds, long... sampleShape) {
        return REGISTRY.create(spec(json), new PluginContext(DataType.FLOAT, sampleShape, bounds, REGISTRY,
                new Rng(0)));
    }

    /** A batch {@code [n, 2, h, w]} whose channel 0 holds each pixel's column j and channel 1 its row i. */
    static INDArray ramps(int n, int h, int w) {
        double[] v = new double[n * 2 * h * w];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    v[(k * 2 * h + i) * w + j] = j;
                    v[((k * 2 + 1) * h + i) * w + j] = i;
                }
            }
        }
        return Nd4j.createFromArray(v).reshape('c', n, 2, h, w);
    }

    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
