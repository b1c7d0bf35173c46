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
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The test split of a run's labelled image data set in the run's own scale: what test-time chains start from and
 * what their energies are compared with. Built from the run's data spec with {@code split: test} and the class
 * filter {@code digits} and {@code limit} removed (every class of the test set), keeping {@code scale}, so its
 * images live in the box the run's chains move in. {@link LabelledData#samples} is never dequantized.
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
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        registry.registerSpecTypes(mapper);
        ObjectNode node = mapper.valueToTree(data);
        if (!node.has("split")) {
            throw new SpecException("data", "the '" + type + "' data source has no 'split' field: test-time chains "
                    + "need a labelled test split (mnist, fashion-mnist, synthetic-images)");
        }
        node.put("type", type);
        node.put("split", "test");
        node.remove("digits");
        node.remove("limit");
        // the images themselves, not the training noise: dequantization widens a source's box (its bounds) and
        // would change the scale the classifier reads images in, and the key of the cached classifier
        if (node.has("dequantize")) {
            node.put("dequantize", "none");
            node.remove("noiseStd");
        }
        DataSpec spec = new SpecBinder(registry).bind(node, DataSpec.class);
        PluginContext bare = new PluginContext(DataType.FLOAT, new long[0], null, registry, new Rng(0));
        DataSource source = registry.create(spec, bare);
        if (!(source instanceof LabelledData labelled)) {
            throw new SpecException("data", "the '" + type + "' test split is not a labelled data set");
        }
        return labelled;
    }
}
