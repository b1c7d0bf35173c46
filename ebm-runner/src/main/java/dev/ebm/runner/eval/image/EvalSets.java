package dev.ebm.runner.eval.image;

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
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The whole training and test splits of a run's labelled image data set, in the unit scale: what the evaluation
 * classifier is trained and tested on, and what sample sets are compared with.
 *
 * <p>They are built from the run's data spec with {@code split} set to {@code train} or {@code test}, the class
 * filter {@code digits} and {@code limit} removed (the classifier knows every class), {@code dequantize} set to
 * {@code none} and {@code scale} set to
 * {@code unit} where the source has one. This is the convention of labelled image sources ({@code mnist},
 * {@code fashion-mnist}, {@code synthetic-images}): a source whose spec has no {@code split} is not evaluated.
 *
 * @param dataset the data source's type id, e.g. {@code mnist}
 */
public record EvalSets(String dataset, LabelledData train, LabelledData test) {

    /** The splits of {@code data}'s data set, or a reason why it has none. */
    public static Result of(DataSpec data, PluginRegistry registry) {
        String type = registry.typeOf(data);
        Class<?> specClass = data.getClass();
        boolean hasSplit = specClass.isRecord()
                && Arrays.stream(specClass.getRecordComponents()).map(RecordComponent::getName).anyMatch("split"::equals);
        if (!hasSplit) {
            return new Result(null, "the '" + type + "' data source has no 'split' field, so the evaluation cannot "
                    + "find its training and test splits");
        }
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        registry.registerSpecTypes(mapper);
        LabelledData train = build(mapper, data, type, "train", registry);
        LabelledData test = build(mapper, data, type, "test", registry);
        return new Result(new EvalSets(type, train, test), null);
    }

    private static LabelledData build(ObjectMapper mapper, DataSpec data, String type, String split,
            PluginRegistry registry) {
        ObjectNode node = mapper.valueToTree(data);
        node.put("type", type);
        node.put("split", split);
        node.remove("digits");
        node.remove("limit");
        // the images themselves, not the training noise: dequantization widens a source's box (its bounds) and
        // would change the scale the classifier reads images in, and the key of the cached classifier
        if (node.has("dequantize")) {
            node.put("dequantize", "none");
            node.remove("noiseStd");
        }
        if (node.has("scale")) {
            node.put("scale", "unit");
        }
        DataSpec spec = new SpecBinder(registry).bind(node, DataSpec.class);
        PluginContext bare = new PluginContext(DataType.FLOAT, new long[0], null, registry, new Rng(0));
        DataSource source = registry.create(spec, bare);
        if (!(source instanceof LabelledData labelled)) {
            throw new IllegalStateException("the '" + type + "' " + split + " split is not a labelled data set");
        }
        return labelled;
    }

    /** The splits, or why there are none. */
    public record Result(EvalSets sets, String reason) {
        public Optional<EvalSets> get() {
            return Optional.ofNullable(sets);
        }
    }
}
