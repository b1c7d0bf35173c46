package dev.ebm.transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.transitions.spec.BlurSpec;
import dev.ebm.transitions.spec.BrightnessSpec;
import dev.ebm.transitions.spec.CropResizeSpec;
import dev.ebm.transitions.spec.ElasticSpec;
import dev.ebm.transitions.spec.FlipSpec;
import dev.ebm.transitions.spec.JitterSpec;
import dev.ebm.transitions.spec.NoiseTransitionSpec;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransitionSpecTest {

    static List<String> problems(String json) {
        try {
            Plugins.spec(json);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    @Test
    void theRegistryFindsTheTransitions() {
        assertThat(Plugins.REGISTRY.types(Kind.TRANSITION)).contains("flip", "jitter", "noise", "elastic", "blur",
                "crop-resize", "contrast", "brightness");
    }

    @Test
    void defaultsAndProblems() {
        assertThat(Plugins.spec("{\"type\":\"flip\"}")).isEqualTo(new FlipSpec(0.5));
        assertThat(Plugins.spec("{\"type\":\"jitter\",\"pixels\":2}")).isEqualTo(new JitterSpec(2, "edge", 1.0));
        assertThat(Plugins.spec("{\"type\":\"noise\",\"std\":0.1}")).isEqualTo(new NoiseTransitionSpec(0.1, 1.0));
        assertThat(problems("{\"type\":\"noise\"}")).containsExactly("std: is required");
        assertThat(problems("{\"type\":\"noise\",\"std\":-1}")).containsExactly("std: must be > 0, found -1.0");
        assertThat(problems("{\"type\":\"flip\",\"p\":1.5}")).containsExactly("p: must be in [0, 1], found 1.5");
        assertThat(problems("{\"type\":\"jitter\",\"pixels\":0,\"fill\":\"mirror\"}")).containsExactly(
                "pixels: must be > 0, found 0", "fill: unknown 'mirror'; known: [edge, wrap, zero]");
        assertThat(problems("{\"type\":\"jitter\"}")).containsExactly("pixels: is required");
        assertThat(problems("{\"type\":\"flip\",\"q\":1}"))
                .containsExactly("q: unknown key; legal keys: [type, p]");
    }

    @Test
    void everyTransitionTakesAProbabilityInTheUnitInterval() {
        for (String t : List.of("{\"type\":\"noise\",\"std\":1", "{\"type\":\"jitter\",\"pixels\":1",
                "{\"type\":\"flip\"", "{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":1", "{\"type\":\"blur\"",
                "{\"type\":\"crop-resize\"", "{\"type\":\"contrast\",\"factor\":[0.5,1.5]",
                "{\"type\":\"brightness\",\"factor\":[0.5,1.5]")) {
            assertThat(problems(t + ",\"p\":-0.1}")).as(t).containsExactly("p: must be in [0, 1], found -0.1");
            assertThat(problems(t + ",\"p\":1.01}")).as(t).containsExactly("p: must be in [0, 1], found 1.01");
        }
    }

    @Test
    void elasticModesTakeTheirOwnFields() {
        assertThat(Plugins.spec("{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":34,\"sigma\":4}"))
                .isEqualTo(new ElasticSpec("smoothed", 34.0, 4.0, null, null, 1.0));
        assertThat(Plugins.spec("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":2}"))
                .isEqualTo(new ElasticSpec("grid", null, null, 2.0, 3, 1.0));
        assertThat(problems("{\"type\":\"elastic\"}")).containsExactly("mode: is required");
        assertThat(problems("{\"type\":\"elastic\",\"mode\":\"simard\"}"))
                .containsExactly("mode: unknown 'simard'; known: [grid, smoothed]");
        assertThat(problems("{\"type\":\"elastic\",\"mode\":\"smoothed\"}"))
                .containsExactly("alpha: is required", "sigma: is required");
        assertThat(problems("{\"type\":\"elastic\",\"mode\":\"smoothed\",\"alpha\":-1,\"sigma\":-4,\"std\":1}"))
                .containsExactly("alpha: must be >= 0, found -1.0", "sigma: must be >= 0, found -4.0",
                        "std: belongs to mode grid, not smoothed (found 1.0)");
        assertThat(problems("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":-1,\"points\":0,\"sigma\":4}"))
                .containsExactly("std: must be >= 0, found -1.0", "points: must be > 0, found 0",
                        "sigma: belongs to mode smoothed, not grid (found 4.0)");
    }

    @Test
    void rangesAreCheckedForBoundsAndEmptiness() {
        assertThat(Plugins.spec("{\"type\":\"blur\"}")).isEqualTo(new BlurSpec(List.of(0.1, 2.0), 1.0));
        assertThat(Plugins.spec("{\"type\":\"blur\",\"sigma\":[1,1]}")).isEqualTo(new BlurSpec(List.of(1.0, 1.0),
                1.0));
        assertThat(Plugins.spec("{\"type\":\"crop-resize\"}"))
                .isEqualTo(new CropResizeSpec(List.of(0.08, 1.0), List.of(0.75, 4.0 / 3), 1.0));
        assertThat(Plugins.spec("{\"type\":\"brightness\",\"factor\":[0.8,1.2]}"))
                .isEqualTo(new BrightnessSpec(List.of(0.8, 1.2), null, true, 1.0));
        assertThat(problems("{\"type\":\"blur\",\"sigma\":[-1,2]}"))
                .containsExactly("sigma: must be [low, high] with 0 <= low <= high, found [-1.0, 2.0]");
        assertThat(problems("{\"type\":\"blur\",\"sigma\":[2,1]}"))
                .containsExactly("sigma: must be [low, high] with 0 <= low <= high, found [2.0, 1.0]");
        assertThat(problems("{\"type\":\"blur\",\"sigma\":[1]}"))
                .containsExactly("sigma: must be [low, high] with 0 <= low <= high, found [1.0]");
        assertThat(problems("{\"type\":\"crop-resize\",\"scale\":[0,0.5],\"ratio\":[2,1]}")).containsExactly(
                "scale: must be [low, high] with 0 < low <= high <= 1, found [0.0, 0.5]",
                "ratio: must be [low, high] with 0 < low <= high, found [2.0, 1.0]");
        assertThat(problems("{\"type\":\"crop-resize\",\"scale\":[0.5,1.5]}"))
                .containsExactly("scale: must be [low, high] with 0 < low <= high <= 1, found [0.5, 1.5]");
        assertThat(problems("{\"type\":\"contrast\"}")).containsExactly("factor: is required");
        assertThat(problems("{\"type\":\"contrast\",\"factor\":[1.5,0.5],\"range\":[1,-1]}")).containsExactly(
                "factor: must be [low, high] with 0 <= low <= high, found [1.5, 0.5]",
                "range: must be [low, high] with low < high, found [1.0, -1.0]");
    }

    @Test
    void photometricTransitionsNeedARangeWhenTheRunHasNoData() {
        assertThatThrownBy(() -> Plugins.transition("{\"type\":\"brightness\",\"factor\":[0.5,1]}", 1, 4, 4))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("range: is required for brightness here: the run has no data whose bounds give "
                        + "the pixel range; give range: [0, 1] or [-1, 1]");
    }

    @Test
    void imageTransitionsRefuseSamplesThatAreNotImages() {
        for (String t : List.of("{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":1}", "{\"type\":\"blur\"}",
                "{\"type\":\"crop-resize\"}", "{\"type\":\"contrast\",\"factor\":[1,2],\"range\":[0,1]}")) {
            String type = Plugins.REGISTRY.typeOf(Plugins.spec(t));
            assertThatThrownBy(() -> Plugins.transition(t, 2)).as(t)
                    .hasMessageContaining(type + " acts on images [C, H, W], but the samples have shape [2]");
        }
    }
}
