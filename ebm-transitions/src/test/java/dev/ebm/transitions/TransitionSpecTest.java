package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.transitions.spec.FlipSpec;
import dev.ebm.transitions.spec.JitterSpec;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransitionSpecTest {

    private static List<String> problems(String json) {
        try {
            Plugins.spec(json);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    @Test
    void theRegistryFindsTheTransitions() {
        assertThat(Plugins.REGISTRY.types(Kind.TRANSITION)).contains("flip", "jitter", "noise");
    }

    @Test
    void defaultsAndProblems() {
        assertThat(Plugins.spec("{\"type\":\"flip\"}")).isEqualTo(new FlipSpec(0.5));
        assertThat(Plugins.spec("{\"type\":\"jitter\",\"pixels\":2}")).isEqualTo(new JitterSpec(2, "edge"));
        assertThat(problems("{\"type\":\"noise\"}")).containsExactly("std: is required");
        assertThat(problems("{\"type\":\"noise\",\"std\":-1}")).containsExactly("std: must be > 0, found -1.0");
        assertThat(problems("{\"type\":\"flip\",\"p\":1.5}")).containsExactly("p: must be in [0, 1], found 1.5");
        assertThat(problems("{\"type\":\"jitter\",\"pixels\":0,\"fill\":\"mirror\"}")).containsExactly(
                "pixels: must be > 0, found 0", "fill: unknown 'mirror'; known: [edge, wrap, zero]");
        assertThat(problems("{\"type\":\"jitter\"}")).containsExactly("pixels: is required");
        assertThat(problems("{\"type\":\"flip\",\"q\":1}"))
                .containsExactly("q: unknown key; legal keys: [type, p]");
    }
}
