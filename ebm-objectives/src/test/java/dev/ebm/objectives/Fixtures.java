package dev.ebm.objectives;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.ObjectiveTerm;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Terms built from JSON specs through the registry, as in a run, in float64 on 2-D samples. */
final class Fixtures {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    private Fixtures() {}

    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static ObjectiveSpec spec(String json) {
        try {
            return new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree(json), ObjectiveSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static PluginContext context() {
        return new PluginContext(DataType.DOUBLE, new long[] {2}, null, REGISTRY, new Rng(0));
    }

    static ObjectiveTerm term(String json) {
        return REGISTRY.create(spec(json), context());
    }

    /** The problems a spec is refused with, as {@code path: message} lines. */
    static List<String> problems(String json) {
        try {
            REGISTRY.create(spec(json), context());
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    /** A batch with the given samples (xNeg may be null) and no chain record. */
    static TrainBatch batch(INDArray xPos, INDArray xNeg, EnergyFunction energy, Rng rng) {
        return new TrainBatch(Tensor.constant(xPos), xNeg == null ? null : Tensor.constant(xNeg), energy, null, null,
                Target.of(energy), rng);
    }
}
