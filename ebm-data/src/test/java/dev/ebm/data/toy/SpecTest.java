package dev.ebm.data.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.Rng;
import dev.ebm.api.ToyDensity;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.data.spec.CheckerboardSpec;
import dev.ebm.data.spec.EightGaussiansSpec;
import dev.ebm.data.spec.PinwheelSpec;
import dev.ebm.data.spec.RingsSpec;
import dev.ebm.data.spec.SwissRollSpec;
import dev.ebm.data.spec.TwoMoonsSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Spec defaults, validation, binding by type id, and the providers as ServiceLoader finds them. */
class SpecTest {
    private static final List<String> TYPES =
            List.of("checkerboard", "eight-gaussians", "pinwheel", "rings", "swiss-roll", "two-moons");

    private static List<SpecProblem> problems(Runnable r) {
        return catchThrowableOfType(SpecException.class, r::run).problems();
    }

    private static SpecBinder binder() {
        return new SpecBinder(PluginRegistry.load());
    }

    private static DataSpec bind(String json) throws Exception {
        return binder().bind(new ObjectMapper().readTree(json), DataSpec.class);
    }

    @Test
    void absentFieldsTakeTheDocumentedDefaults() {
        assertThat(new EightGaussiansSpec(null, null)).isEqualTo(new EightGaussiansSpec(2.0, 0.2));
        assertThat(new RingsSpec(null, null)).isEqualTo(new RingsSpec(List.of(0.75, 1.5, 2.25, 3.0), 0.08));
        assertThat(new TwoMoonsSpec(null, null)).isEqualTo(new TwoMoonsSpec(0.1, true));
        assertThat(new CheckerboardSpec(null, null)).isEqualTo(new CheckerboardSpec(4, 2.0));
        assertThat(new SwissRollSpec(null, null)).isEqualTo(new SwissRollSpec(0.2, 0.2));
        assertThat(new PinwheelSpec(null, null, null, null, null)).isEqualTo(new PinwheelSpec(5, 0.3, 0.1, 0.25, 2.0));
    }

    @Test
    void invalidValuesAreAllReportedWithTheirFields() {
        assertThat(problems(() -> new EightGaussiansSpec(-1.0, 0.0))).containsExactly(
                new SpecProblem("radius", "must be in [0, 1000000], found -1.0"),
                new SpecProblem("std", "must be in (0, 1000000], found 0.0"));
        assertThat(problems(() -> new RingsSpec(Arrays.asList(1.0, -2.0, null), Double.NaN))).containsExactly(
                new SpecProblem("radii[1]", "must be > 0, found -2.0"), new SpecProblem("radii[2]", "must be > 0, found null"),
                new SpecProblem("std", "must be > 0, found NaN"));
        assertThat(problems(() -> new RingsSpec(List.of(), null)))
                .containsExactly(new SpecProblem("radii", "must name at least one radius, found []"));
        assertThat(problems(() -> new TwoMoonsSpec(0.001, null))).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("noise"))
                .satisfies(p -> assertThat(p.message()).startsWith("must be >= 0.01"));
        assertThat(problems(() -> new CheckerboardSpec(3, -2.0))).extracting(SpecProblem::path)
                .containsExactly("squares", "size");
        assertThat(problems(() -> new SwissRollSpec(-0.1, 0.0))).containsExactly(
                new SpecProblem("noise", "must be > 0, found -0.1"), new SpecProblem("scale", "must be > 0, found 0.0"));
        assertThat(problems(() -> new PinwheelSpec(0, 1.5, -0.1, 11.0, 0.0))).extracting(SpecProblem::path)
                .containsExactly("classes", "radialStd", "tangentialStd", "rate", "scale");
    }

    @Test
    void serviceLoaderFindsEveryToyAndTheRegistryBuildsThem() throws Exception {
        PluginRegistry registry = PluginRegistry.load();
        assertThat(registry.types(Kind.DATA)).containsAll(TYPES);
        PluginContext context = new PluginContext(DataType.FLOAT, new long[] {2}, null, registry, new Rng(0));
        for (String type : TYPES) {
            DataSpec spec = bind("{\"type\": \"" + type + "\"}");
            assertThat(registry.typeOf(spec)).isEqualTo(type);
            Object source = registry.create(spec, context);
            assertThat(source).isInstanceOf(ToyDensity.class);
            assertThat(((ToyDensity) source).sampleShape()).containsExactly(2);
        }
        assertThat(registry.<DataSpec, Object>create(bind("{\"type\": \"eight-gaussians\", \"radius\": 3}"), context))
                .isInstanceOfSatisfying(EightGaussians.class,
                        d -> assertThat(d.bounds().high()[0]).isCloseTo(3.8, org.assertj.core.api.Assertions.within(1e-12)));
    }

    @Test
    void bindingReportsEveryProblemUnderItsPath() {
        assertThatThrownBy(() -> bind("{\"type\": \"pinwheel\", \"classes\": 0, \"radialStd\": -1, \"rate\": 11}"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::path)
                        .containsExactly("classes", "radialStd", "rate"));
        assertThatThrownBy(() -> bind("{\"type\": \"rings\", \"radius\": 2}"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).containsExactly(
                        new SpecProblem("radius", "unknown key; legal keys: [type, radii, std]")));
        assertThatThrownBy(() -> bind("{\"type\": \"rings\", \"radii\": [1, -1]}"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).containsExactly(
                        new SpecProblem("radii[1]", "must be > 0, found -1.0")));
    }

    @Test
    void resolvedSpecsRoundTripThroughJson() throws Exception {
        PluginRegistry registry = PluginRegistry.load();
        ObjectMapper mapper = new ObjectMapper();
        registry.registerSpecTypes(mapper);
        for (DataSpec spec : List.of(new EightGaussiansSpec(null, 0.3), new RingsSpec(List.of(1.0, 2.0), null),
                new TwoMoonsSpec(null, false), new CheckerboardSpec(6, null), new SwissRollSpec(0.1, null),
                new PinwheelSpec(3, null, null, 0.5, null))) {
            String json = mapper.writerFor(DataSpec.class).writeValueAsString(spec);
            assertThat(binder().bind(mapper.readTree(json), DataSpec.class)).as(json).isEqualTo(spec);
        }
    }
}
