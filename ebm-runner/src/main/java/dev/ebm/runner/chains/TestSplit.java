package dev.ebm.runner.chains;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.DataSource;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The test split of a run's labelled image data set in the run's own scale: what test-time chains start from and
 * what their energies are compared with. Built from the run's data spec by {@link #source} with {@code split: test},
 * keeping {@code scale}, so its images live in the box the run's chains move in.
 */
public final class TestSplit {
    private TestSplit() {}

    /**
     * The test split of {@code data}'s data set.
     *
     * @throws SpecException when the source has no {@code split} field or its test split is not labelled
     */
    public static LabelledData of(DataSpec data, PluginRegistry registry) {
        String type = registry.typeOf(data);
        if (!hasSplit(data)) {
            throw new SpecException("data", "the '" + type + "' data source has no 'split' field: test-time chains "
                    + "need a labelled test split (mnist, fashion-mnist, synthetic-images)");
        }
        if (!(source(data, "test", false, registry) instanceof LabelledData labelled)) {
            throw new SpecException("data", "the '" + type + "' test split is not a labelled data set");
        }
        return labelled;
    }

    /** Whether {@code data}'s spec has a {@code split} field (the convention of labelled image sources). */
    public static boolean hasSplit(DataSpec data) {
        Class<?> specClass = data.getClass();
        return specClass.isRecord() && Arrays.stream(specClass.getRecordComponents()).map(RecordComponent::getName)
                .anyMatch("split"::equals);
    }

    /**
     * The data source of one split of {@code data}'s data set: the same type and fields with {@code split} set, the
     * class filter {@code digits} and {@code limit} removed (every class), dequantization off and, when
     * {@code unitScale}, {@code scale: unit} where the source has a scale. Dequantization would widen the source's
     * box, the scale its images are read in (uniform chain starts, the classifier's input, the cached classifier's
     * key); {@link LabelledData#samples} is never dequantized anyway.
     */
    public static DataSource source(DataSpec data, String split, boolean unitScale, PluginRegistry registry) {
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        registry.registerSpecTypes(mapper);
        ObjectNode node = mapper.valueToTree(data);
        node.put("type", registry.typeOf(data));
        node.put("split", split);
        node.remove("digits");
        node.remove("limit");
        if (node.has("dequantize")) {
            node.put("dequantize", "none");
            node.remove("noiseStd");
        }
        if (unitScale && node.has("scale")) {
            node.put("scale", "unit");
        }
        DataSpec spec = new SpecBinder(registry).bind(node, DataSpec.class);
        return registry.create(spec, new PluginContext(DataType.FLOAT, new long[0], null, registry, new Rng(0)));
    }
}
