package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.data.spec.FashionMnistSpec;
import dev.ebm.data.spec.MnistSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults, validation with paths, and binding of the image data specs. */
class ImageSpecTest {

    private static List<SpecProblem> problems(String json) {
        return catchThrowableOfType(SpecException.class, () -> ImageFixture.spec(json)).problems();
    }

    @Test
    void absentFieldsTakeTheDocumentedDefaults() throws Exception {
        assertThat(ImageFixture.spec("{\"type\": \"mnist\"}"))
                .isEqualTo(new MnistSpec("train", "unit", "none", null, null, null, null));
        assertThat(ImageFixture.spec("{\"type\": \"fashion-mnist\", \"split\": \"test\", \"digits\": [0, 9]}"))
                .isEqualTo(new FashionMnistSpec("test", "unit", "none", null, List.of(0, 9), null, null));
        assertThat(ImageFixture.REGISTRY.types(Kind.DATA)).contains("mnist", "fashion-mnist");
    }

    @Test
    void everyProblemIsReportedWithItsFieldAndTheLegalChoices() {
        assertThat(problems("{\"type\": \"mnist\", \"split\": \"val\", \"scale\": \"byte\", \"dequantize\": \"poisson\"}"))
                .containsExactly(new SpecProblem("split", "unknown 'val'; known: [train, test]"),
                        new SpecProblem("scale", "unknown 'byte'; known: [unit, symmetric]"),
                        new SpecProblem("dequantize", "unknown 'poisson'; known: [none, uniform, gaussian]"));
        assertThat(problems("{\"type\": \"mnist\", \"digits\": [3, 10, 3, -1], \"limit\": 0, \"dir\": \" \"}"))
                .containsExactly(new SpecProblem("digits[1]", "must be a class in [0, 9], found 10"),
                        new SpecProblem("digits[2]", "repeats class 3"),
                        new SpecProblem("digits[3]", "must be a class in [0, 9], found -1"),
                        new SpecProblem("limit", "must be > 0, found 0"),
                        new SpecProblem("dir", "must be a directory path, found ' '"));
        assertThat(problems("{\"type\": \"fashion-mnist\", \"digits\": []}"))
                .containsExactly(new SpecProblem("digits", "must name at least one class, found []"));
    }

    @Test
    void noiseStdGoesWithGaussianDequantizationOnly() {
        assertThat(problems("{\"type\": \"mnist\", \"dequantize\": \"gaussian\"}")).containsExactly(new SpecProblem(
                "noiseStd", "is required with dequantize: gaussian (the noise's std in the scaled range, e.g. 0.005)"));
        assertThat(problems("{\"type\": \"mnist\", \"dequantize\": \"gaussian\", \"noiseStd\": -0.1}"))
                .containsExactly(new SpecProblem("noiseStd", "must be > 0, found -0.1"));
        assertThat(problems("{\"type\": \"mnist\", \"dequantize\": \"uniform\", \"noiseStd\": 0.1}")).containsExactly(
                new SpecProblem("noiseStd", "is only used with dequantize: gaussian, found dequantize: uniform"));
        assertThat(problems("{\"type\": \"mnist\", \"noiseStd\": 0.1}")).containsExactly(
                new SpecProblem("noiseStd", "is only used with dequantize: gaussian, found dequantize: none"));
    }

    @Test
    void unknownKeysAreRefused() {
        assertThatThrownBy(() -> ImageFixture.spec("{\"type\": \"mnist\", \"classes\": [1]}"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).containsExactly(
                        new SpecProblem("classes", "unknown key; legal keys: [type, split, scale, dequantize, noiseStd, "
                                + "digits, limit, dir]")));
    }

    @Test
    void resolvedSpecsRoundTripThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ImageFixture.REGISTRY.registerSpecTypes(mapper);
        for (DataSpec spec : List.of(new MnistSpec(null, "symmetric", "gaussian", 0.005, Arrays.asList(1, 7), 100, null),
                new FashionMnistSpec("test", null, "uniform", null, null, null, "/tmp/x"))) {
            String json = mapper.writerFor(DataSpec.class).writeValueAsString(spec);
            assertThat(new SpecBinder(ImageFixture.REGISTRY).bind(mapper.readTree(json), DataSpec.class)).as(json)
                    .isEqualTo(spec);
        }
    }
}
