package dev.ebm.runner.schema;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;

/**
 * The subtypes of a kind's spec interface ({@code SamplerSpec}, ...) are the spec records of the providers the
 * registry found at run time, so a third-party plugin's spec joins like a built-in's. The interface's schema
 * dispatches on {@code type}: the value is a mapping whose {@code type} is one of the registered ids, and if it is
 * X, the mapping matches X's record. A validator or an editor then reports the errors of the chosen record only,
 * at the paths the spec loader names, and an unknown id once, at {@code .type}.
 *
 * <p>This is a custom definition rather than victools' {@code SubtypeResolver}, which renders subtypes as an
 * {@code anyOf} (whose failures are reported for every alternative) and collapses a single subtype into the
 * declared type, losing the {@code type} check.
 */
final class TypeDispatch implements CustomDefinitionProviderV2 {
    private final PluginRegistry registry;

    TypeDispatch(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
        Kind kind = Kind.ofSpecInterface(type.getErasedType());
        if (kind == null) {
            return null;
        }
        ObjectNode node = context.getGeneratorConfig().createObjectNode();
        node.put("title", "a " + kind.label() + " plugin, chosen by its type");
        node.put("type", "object");
        ArrayNode ids = node.putObject("properties").putObject("type").putArray("enum");
        node.putArray("required").add("type");
        ArrayNode cases = node.putArray("allOf");
        registry.providers(kind).forEach((id, provider) -> {
            ids.add(id);
            ObjectNode branch = cases.addObject();
            ObjectNode when = branch.putObject("if");
            when.putObject("properties").putObject("type").put("const", id);
            when.putArray("required").add("type");
            ResolvedType spec = context.getTypeContext().resolve(provider.specType());
            branch.set("then", context.createDefinitionReference(spec));
        });
        return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD,
                CustomDefinition.AttributeInclusion.NO);
    }

    /** A new empty JSON object. */
    static ObjectNode object() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
