package dev.ebm.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Checks#field} fills declared defaults and reports each declared rule with the project's messages. */
class DeclaredFieldsTest {

    record Sample(
            @Default("20") @Range(min = 0) Integer steps,
            @Range(min = 0, exclusiveMin = true) Double step,
            @Default("0.05") @Range(min = 0, max = 1) Double p,
            @Range(min = 0, exclusiveMin = true, max = 1, exclusiveMax = true) Double target,
            @Default("0.2") @Range(min = 0, exclusiveMin = true)
            @Range(min = 0.01, why = "the quadrature needs it") Double noise,
            @Range(max = 10) Double rate,
            @Range Double weight,
            @Default("[128, 128]") @Range(min = 0, exclusiveMin = true) List<Integer> hidden,
            @Default("fifo") @OneOf({"fifo", "reservoir"}) String policy,
            @Required("x' = x - h·∇E") Double h,
            @Default("run") @Matches(value = "[a-z]+", message = "must use only letters") String name) {

        Sample {
            Checks c = new Checks(Sample.class);
            steps = c.field("steps", steps);
            step = c.field("step", step);
            p = c.field("p", p);
            target = c.field("target", target);
            noise = c.field("noise", noise);
            rate = c.field("rate", rate);
            weight = c.field("weight", weight);
            hidden = c.field("hidden", hidden);
            policy = c.field("policy", policy);
            h = c.field("h", h);
            name = c.field("name", name);
            c.done();
        }
    }

    private static List<String> problemsOf(Runnable build) {
        try {
            build.run();
            return List.of();
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).toList();
        }
    }

    @Test
    void absentValuesTakeTheDeclaredDefaults() {
        Sample s = new Sample(null, null, null, null, null, null, null, null, null, 1.0, null);
        assertThat(s.steps()).isEqualTo(20);
        assertThat(s.p()).isEqualTo(0.05);
        assertThat(s.noise()).isEqualTo(0.2);
        assertThat(s.hidden()).containsExactly(128, 128);
        assertThat(s.policy()).isEqualTo("fifo");
        assertThat(s.name()).isEqualTo("run");
        assertThat(s.step()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedWithThePathTheValueAndWhatIsLegal() {
        assertThat(problemsOf(() -> new Sample(-1, 0.0, 1.5, 1.0, 0.001, 11.0, Double.NaN,
                Arrays.asList(16, null, -2), "lifo", null, "Bad"))).containsExactly(
                "steps: must be >= 0, found -1",
                "step: must be > 0, found 0.0",
                "p: must be in [0, 1], found 1.5",
                "target: must be in (0, 1), found 1.0",
                "noise: must be >= 0.01 (the quadrature needs it), found 0.001",
                "rate: must be <= 10, found 11.0",
                "weight: must be a finite number, found NaN",
                "hidden[1]: must be > 0, found null",
                "hidden[2]: must be > 0, found -2",
                "policy: unknown 'lifo'; known: [fifo, reservoir]",
                "h: is required (x' = x - h·∇E)",
                "name: must use only letters, found 'Bad'");
    }

    @Test
    void theFirstBrokenRangeOfSeveralIsTheOneReported() {
        assertThat(problemsOf(() -> new Sample(null, null, null, null, -1.0, null, null, null, null, 1.0, null)))
                .containsExactly("noise: must be > 0, found -1.0");
        assertThat(problemsOf(() -> new Sample(null, Double.POSITIVE_INFINITY, null, null, null, null, null, null,
                null, 1.0, null))).containsExactly("step: must be > 0, found Infinity");
    }

    @Test
    void theDeclarationsAreReadableForTheSchema() {
        SpecField noise = SpecFields.of(Sample.class, "noise");
        assertThat(noise.ranges()).hasSize(2);
        assertThat(noise.defaultValue()).isEqualTo(0.2);
        assertThat(SpecFields.choices(Sample.class, "policy")).containsExactly("fifo", "reservoir");
        assertThat(SpecFields.of(Sample.class, "h").required().value()).isEqualTo("x' = x - h·∇E");
        assertThat(SpecFields.of(Sample.class).keySet()).containsExactly("steps", "step", "p", "target", "noise",
                "rate", "weight", "hidden", "policy", "h", "name");
        assertThatThrownBy(() -> SpecFields.of(Sample.class, "nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
