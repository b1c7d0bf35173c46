package dev.ebm.runner.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.plugins.PluginCatalog;
import dev.ebm.runner.plugins.PluginFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads YAML or JSON specs, applies overrides, binds and validates them, and writes resolved specs. */
@Singleton
public final class SpecLoader {
    private final PluginRegistry registry;
    private final List<PluginFailure> failures;
    private final ObjectMapper yaml;

    /** A loader over {@code registry}. */
    public SpecLoader(PluginRegistry registry) {
        this(registry, List.of());
    }

    /** A loader over the catalog's registry; an unknown type names the plugin jars that did not load. */
    @Inject
    public SpecLoader(PluginCatalog catalog) {
        this(catalog.registry(), catalog.failures());
    }

    private SpecLoader(PluginRegistry registry, List<PluginFailure> failures) {
        this.registry = registry;
        this.failures = List.copyOf(failures);
        this.yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        registry.registerSpecTypes(yaml);
    }

    /** The plugin registry this loader resolves types with. */
    public PluginRegistry registry() {
        return registry;
    }

    /** The spec in {@code file} with the overrides applied; every problem is reported in one exception. */
    public ExperimentSpec load(Path file, List<String> overrides) {
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new SpecException("", "no such spec file: " + file);
        } catch (JsonProcessingException e) {
            throw new SpecException("", "cannot parse " + file + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
        } catch (IOException e) {
            throw new SpecException("", "cannot read " + file + ": " + e.getMessage());
        }
        return bind(tree, overrides, file.toString());
    }

    /** Binds a YAML or JSON text (tests, embedding). */
    public ExperimentSpec parse(String text, List<String> overrides) {
        try {
            return bind(yaml.readTree(text), overrides, "spec");
        } catch (JsonProcessingException e) {
            throw new SpecException("", "cannot parse spec: " + e.getOriginalMessage());
        }
    }

    private ExperimentSpec bind(JsonNode tree, List<String> overrides, String source) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = yaml.createObjectNode();
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new SpecException("", source + " must hold a mapping at the top level");
        }
        List<SpecProblem> problems = Overrides.apply(root, overrides, yaml);
        try {
            ExperimentSpec spec = new SpecBinder(registry).bind(root);
            if (!problems.isEmpty()) {
                throw new SpecException(problems);
            }
            return spec;
        } catch (SpecException e) {
            List<SpecProblem> all = new java.util.ArrayList<>(problems);
            e.problems().forEach(p -> all.add(UnloadedPlugins.explain(p, failures)));
            throw new SpecException(all);
        }
    }

    /** The resolved spec (every default filled in) as YAML; reading it back gives an equal spec. */
    public String toYaml(ExperimentSpec spec) {
        try {
            return yaml.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise spec", e);
        }
    }

    /** The mapper used for specs, with every plugin's spec type registered. */
    public ObjectMapper mapper() {
        return yaml;
    }
}
