package dev.ebm.runner.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.spec.Overrides;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated schema accepts every example spec, and refuses a broken spec whose fault it can express at exactly
 * the path the spec loader names.
 */
class SpecSchemaTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    private static final ObjectNode SCHEMA_NODE = SpecSchema.generate(REGISTRY);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_NODE);
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Path BASE = EXAMPLES.resolve("toy/eight-gaussians-ml.yaml");

    static Stream<Path> examples() {
        return dev.ebm.runner.ExampleFiles.specs().stream();
    }

    /** The paths of the schema's errors, written as the loader writes paths ({@code objective[1].weight}). */
    static Set<String> schemaErrors(JsonNode spec) {
        Set<String> paths = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(spec)) {
            String loc = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            String prop = m.getProperty();
            if (prop != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
                    && !loc.endsWith(prop)) {
                loc = loc.isEmpty() ? prop : loc + "." + prop;
            }
            paths.add(loc);
        }
        return paths;
    }

    static ObjectNode tree(Path file, List<String> sets) throws IOException {
        ObjectNode root = (ObjectNode) LOADER.mapper().readTree(Files.readString(file));
        assertThat(Overrides.apply(root, sets, LOADER.mapper())).isEmpty();
        return root;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleSpecValidates(Path file) throws IOException {
        LOADER.load(file, List.of());
        assertThat(SCHEMA.validate(tree(file, List.of()))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sampler.steps=many                        | sampler.steps",
        "sampler.steps=2.5                         | sampler.steps",
        "seed=[1, 2]                               | seed",
        "train=5                                   | train",
        "energy.activation=swsh                    | energy.activation",
        "dtype=float16                             | dtype",
        "sampler.epsilon=-0.1                      | sampler.epsilon",
        "negatives.reinit=1.5                      | negatives.reinit",
        "train.batch=0                             | train.batch",
        "objective[1].weight=-1                    | objective[1].weight",
        "energy.hidden=[16, 0]                     | energy.hidden[1]",
        "train.stepz=10                            | train.stepz",
        "negatives.capacityy=5                     | negatives.capacityy",
        "sampler.type=langvin                      | sampler.type",
        "name=has space                            | name",
        "sampler={type: gd}                        | sampler.stepSize",
        "data={radius: 2}                          | data.type",
        "objective[0]={type: dsm}                  | objective[0].sigma",
        "negatives.transitions=[{type: noise}]     | negatives.transitions[0].std",
        "negatives.transitions=[{type: flip, p: 2}] | negatives.transitions[0].p",
        "optimizer.schedule=cubic                  | optimizer.schedule",
    })
    void aBrokenSpecFailsAtThePathTheLoaderNames(String set, String path) throws IOException {
        assertThatThrownBy(() -> LOADER.load(BASE, List.of(set))).isInstanceOfSatisfying(SpecException.class,
                e -> assertThat(e.problems()).extracting(SpecProblem::path).contains(path));
        assertThat(schemaErrors(tree(BASE, List.of(set)))).containsExactly(path);
    }

    @Test
    void ruleAcrossFieldsAreTheLoadersAlone() throws IOException {
        // docs/SCHEMA.md lists these: the schema accepts them, the loader refuses them
        for (String set : List.of("sampler.stepSize=0.01", "negatives.resetToData=0.99",
                "optimizer.betas=[0.9, 1.5]", "sampler.clamp=[1, -1]")) {
            assertThat(schemaErrors(tree(BASE, List.of(set)))).as(set).isEmpty();
            assertThatThrownBy(() -> LOADER.load(BASE, List.of(set))).as(set).isInstanceOf(SpecException.class);
        }
    }

    @Test
    void defaultsRangesAndChoicesComeFromTheRecordsDeclarations() {
        JsonNode defs = SCHEMA_NODE.get("$defs");
        JsonNode langevin = defs.get("sampler.langevin").get("properties");
        assertThat(langevin.get("type").get("const").asText()).isEqualTo("langevin");
        assertThat(langevin.get("steps").get("default").asInt()).isEqualTo(20);
        assertThat(langevin.get("steps").get("minimum").asInt()).isZero();
        assertThat(langevin.get("epsilon").get("exclusiveMinimum").asInt()).isZero();
        JsonNode buffer = defs.get("negatives.replay-buffer").get("properties");
        assertThat(buffer.get("reinit").get("maximum").asInt()).isEqualTo(1);
        assertThat(buffer.get("policy").get("enum").toString()).isEqualTo("[\"fifo\",\"reservoir\",\"slots\"]");
        JsonNode swiss = defs.get("data.swiss-roll").get("properties").get("noise");
        assertThat(swiss.get("minimum").asDouble()).isEqualTo(0.01);
        assertThat(swiss.has("exclusiveMinimum")).isFalse();
        assertThat(defs.get("energy.mlp").get("properties").get("hidden").get("default").toString())
                .isEqualTo("[128,128]");
        assertThat(defs.get("energy.mlp").get("additionalProperties").asBoolean()).isFalse();
        assertThat(defs.get("sampler.gd").get("required").toString()).isEqualTo("[\"type\",\"stepSize\"]");
        assertThat(SCHEMA_NODE.get("properties").get("sampler").get("$ref").asText()).isEqualTo("#/$defs/sampler");
        assertThat(defs.get("sampler").get("properties").get("type").get("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(REGISTRY.types(dev.ebm.api.plugin.Kind.SAMPLER));
    }

    @Test
    void typesRegisteredAtRunTimeArePublished() {
        PluginRegistry only = PluginRegistry.of(List.of(new ToyEnergyProvider()));
        ObjectNode schema = SpecSchema.generate(only);
        JsonNode toy = schema.get("$defs").get("energy.toy-energy");
        assertThat(toy.get("properties").get("size").get("default").asInt()).isEqualTo(3);
        assertThat(toy.get("properties").get("size").get("minimum").asInt()).isEqualTo(1);
        assertThat(toy.get("description").asText()).isEqualTo("an energy for schema tests");
        assertThat(schema.get("$defs").get("energy").get("properties").get("type").get("enum").toString())
                .isEqualTo("[\"toy-energy\"]");
        assertThat(schema.get("$defs").get("sampler").get("properties").get("type").get("enum").toString())
                .isEqualTo("[]");
    }

    @Test
    void theCommandWritesTheSchemaToAFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("schemas/spec.schema.json");
        java.io.PrintStream err = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
            code = dev.ebm.runner.Main.execute(new dev.ebm.runner.RunnerWiring(), "schema", "--out", out.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(out.toFile())).isEqualTo(json.readTree(json.writeValueAsString(SCHEMA_NODE)));
        Files.copy(out, Path.of("target", "spec.schema.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
