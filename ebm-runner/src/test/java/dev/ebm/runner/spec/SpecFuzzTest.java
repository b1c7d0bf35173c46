package dev.ebm.runner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.explain.Explainer;
import dev.ebm.runner.train.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutants of every example spec go through validation as {@code bin/ebm train} does it (load, the training
 * requirements, explain's refusals, building the plugins; no training): each is accepted or refused with problems
 * that all name a place in the spec and say what is wrong; nothing but the spec error escapes.
 */
class SpecFuzzTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+\\])*)");
    private static final int MUTANTS = 1200;

    @Test
    void everyMutantIsAcceptedOrRefusedWithProblemsThatNameASpecPath() throws IOException {
        List<ObjectNode> examples = new ArrayList<>();
        for (Path p : dev.ebm.runner.ExampleFiles.specs()) {
            examples.add((ObjectNode) LOADER.mapper().readTree(Files.readString(p)));
        }
        SpecMutants mutants = new SpecMutants(20261207L);
        int accepted = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            List<String> log = new ArrayList<>();
            ObjectNode mutant = mutants.mutate(examples.get(i % examples.size()), log);
            String text = JSON.writeValueAsString(mutant);
            try {
                validate(text);
                accepted++;
            } catch (SpecException e) {
                refused++;
                for (SpecProblem p : e.problems()) {
                    String m = p.message();
                    if (!names(mutant, p.path()) || m == null || m.isBlank() || m.equals("null")
                            || m.contains("Exception") || m.contains("java.")) {
                        failures.add("mutant " + i + " " + log + ": problem '" + p + "' in " + text);
                    }
                }
            } catch (RuntimeException e) {
                failures.add("mutant " + i + " " + log + " escaped with " + e + " at " + e.getStackTrace()[0]
                        + ": " + text);
            }
        }
        assertThat(failures).as("mutants whose validation went wrong").isEmpty();
        assertThat(accepted).as("accepted mutants").isGreaterThan(50);
        assertThat(refused).as("refused mutants").isGreaterThan(MUTANTS / 2);
        System.out.printf("%d mutants: %d accepted, %d refused%n", MUTANTS, accepted, refused);
    }

    /** What {@code bin/ebm train} checks before it trains. */
    private static void validate(String text) {
        ExperimentSpec s = LOADER.parse(text, List.of());
        List<SpecProblem> problems = new ArrayList<>(s.trainingProblems());
        if (problems.isEmpty()) {
            problems.addAll(new Explainer(LOADER.registry()).explain(s).refusals());
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        Experiment.build(s, REGISTRY);
    }

    /**
     * Whether {@code path} names a place in {@code spec}: every segment but the last exists in the tree (the last may
     * be missing: "is required").
     */
    static boolean names(JsonNode spec, String path) {
        if (path.isEmpty()) {
            return false;
        }
        String[] segments = path.split("\\.");
        JsonNode node = spec;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches() || node == null || !node.isObject()) {
                return false;
            }
            boolean last = s == segments.length - 1;
            JsonNode child = node.get(m.group(1));
            Matcher idx = Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
            while (idx.find()) {
                if (child == null || !child.isArray() || Integer.parseInt(idx.group(1)) >= child.size()) {
                    return false;
                }
                child = child.get(Integer.parseInt(idx.group(1)));
            }
            if (child == null && !last) {
                return false;
            }
            node = child;
        }
        return true;
    }
}
