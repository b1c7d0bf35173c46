package dev.ebm.runner.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.api.spec.ExperimentSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of experiment specs for the plugins of a registry, generated from the spec
 * records with victools' generator: field types from the record components, defaults, ranges, choices, required
 * fields and patterns from their declarations ({@link dev.ebm.api.spec.SpecField}, the same ones validation reads),
 * no keys beyond the components, and for each plugin kind a dispatch on {@code type} over the spec records
 * registered at run time ({@link TypeDispatch}).
 *
 * <p>What the schema cannot say (rules across fields, such as {@code epsilon} with {@code stepSize}) is listed in
 * docs/SCHEMA.md; the loader checks it.
 */
public final class SpecSchema {
    /** The {@code $id} of the generated schema. */
    public static final String ID = "https://ebm.dev/schemas/spec.schema.json";

    private SpecSchema() {}

    /** The schema of {@link ExperimentSpec} with every spec type the registry knows. */
    public static ObjectNode generate(PluginRegistry registry) {
        Map<Class<?>, String[]> typed = new HashMap<>();
        for (Kind kind : Kind.values()) {
            registry.providers(kind).forEach((id, p) -> typed.put(p.specType(), new String[] {kind.label(), id,
                    description(p)}));
        }
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(new ObjectMapper(),
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .without(Option.NULLABLE_FIELDS_BY_DEFAULT);
        b.forTypesInGeneral()
                .withCustomDefinitionProvider(new TypeDispatch(registry))
                // the record components' order, which is the order of the docs and the resolved specs
                .withPropertySorter((first, second) -> 0)
                .withDefinitionNamingStrategy((key, context) -> {
                    Class<?> c = key.getType().getErasedType();
                    String[] t = typed.get(c);
                    Kind kind = Kind.ofSpecInterface(c);
                    return t != null ? t[0] + "." + t[1] : kind != null ? kind.label() : c.getSimpleName();
                })
                .withTypeAttributeOverride((attributes, scope, context) -> {
                    String[] t = typed.get(scope.getType().getErasedType());
                    if (t == null) {
                        return;
                    }
                    // the discriminator is a key of the record's mapping too, and required
                    ObjectNode props = attributes.has("properties") ? (ObjectNode) attributes.get("properties")
                            : TypeDispatch.object();
                    ObjectNode typeProp = TypeDispatch.object().put("const", t[1]);
                    ObjectNode reordered = TypeDispatch.object();
                    reordered.set("type", typeProp);
                    reordered.setAll(props);
                    attributes.set("properties", reordered);
                    JsonNode required = attributes.get("required");
                    ArrayNode req = attributes.putArray("required").add("type");
                    if (required != null) {
                        required.forEach(req::add);
                    }
                    if (!t[2].isEmpty()) {
                        attributes.put("description", t[2]);
                    }
                    attributes.put("title", t[0] + " '" + t[1] + "'");
                });
        FieldRules.apply(b.forFields());
        ObjectNode schema = new SchemaGenerator(b.build()).generateSchema(ExperimentSpec.class);
        ObjectNode out = TypeDispatch.object();
        out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        out.put("$id", ID);
        out.put("title", "ebm experiment spec");
        out.put("description", "A training or sampling spec for bin/ebm (YAML or JSON). Rules across fields that "
                + "this schema cannot state are checked by the loader; see docs/SCHEMA.md.");
        schema.remove("$schema");
        out.setAll(schema);
        return out;
    }

    private static String description(Provider<?, ?> p) {
        String d = p.description();
        return d == null ? "" : d;
    }
}
