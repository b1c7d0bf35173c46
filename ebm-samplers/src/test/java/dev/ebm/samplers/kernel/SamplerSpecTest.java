package dev.ebm.samplers.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.samplers.Fixtures;
import dev.ebm.samplers.spec.GdSpec;
import dev.ebm.samplers.spec.HmcSpec;
import dev.ebm.samplers.spec.MalaSpec;
import dev.ebm.samplers.spec.StepAdapt;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplerSpecTest {

    private static List<String> problems(String json) {
        try {
            Fixtures.spec(json, SamplerSpec.class);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).collect(Collectors.toList());
        }
        throw new AssertionError("no problem found in " + json);
    }

    @Test
    void malaDefaultsAndForms() {
        MalaSpec d = (MalaSpec) Fixtures.spec("{\"type\":\"mala\"}", SamplerSpec.class);
        assertThat(d.steps()).isEqualTo(20);
        assertThat(d.epsilon()).isEqualTo(0.1);
        assertThat(d.drift()).isEqualTo(0.005, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(d.temperature()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.adapt()).isNull();
        MalaSpec a = (MalaSpec) Fixtures.spec("{\"type\":\"mala\",\"steps\":40,\"stepSize\":10,\"noise\":0.005,"
                + "\"adapt\":{}}", SamplerSpec.class);
        assertThat(a.adapt()).isEqualTo(new StepAdapt(MalaSpec.DEFAULT_TARGET, 20));
        assertThat(a.temperature()).isEqualTo(1.25e-6, org.assertj.core.api.Assertions.within(1e-18));
    }

    @Test
    void malaProblems() {
        assertThat(problems("{\"type\":\"mala\",\"stepSize\":0.1,\"noise\":0}")).containsExactly(
                "noise: must be > 0 for mala, found 0.0 (the proposal density divides by noise²; for noise-free "
                        + "descent use gd)");
        assertThat(problems("{\"type\":\"mala\",\"epsilon\":0.1,\"stepSize\":0.1}")).containsExactly(
                "stepSize: cannot be given with epsilon (epsilon sets step ε²/2 and noise ε); use one form");
        assertThat(problems("{\"type\":\"mala\",\"stepSize\":0.1}")).containsExactly(
                "noise: is required with stepSize (a standard deviation > 0)");
        assertThat(problems("{\"type\":\"mala\",\"steps\":10,\"adapt\":{\"target\":1.5,\"warmup\":3}}"))
                .containsExactly("adapt.target: must be in (0, 1), found 1.5");
        assertThat(problems("{\"type\":\"mala\",\"steps\":10,\"adapt\":{\"warmup\":10}}")).containsExactly(
                "adapt.warmup: must be < steps (10): warm-up is the first steps of each chain run, found 10");
        assertThat(problems("{\"type\":\"mala\",\"adapt\":{\"rate\":1}}"))
                .containsExactly("adapt.rate: unknown key; legal keys: [target, warmup]");
        assertThat(problems("{\"type\":\"mala\",\"clamp\":[1,-1],\"gradClip\":-1}")).containsExactly(
                "gradClip: must be > 0, found -1.0", "clamp: must be [low, high] with low < high, found [1.0, -1.0]");
    }

    @Test
    void hmcAndGd() {
        HmcSpec h = (HmcSpec) Fixtures.spec("{\"type\":\"hmc\"}", SamplerSpec.class);
        assertThat(h).isEqualTo(new HmcSpec(20, 0.1, 10, null, null));
        assertThat(problems("{\"type\":\"hmc\",\"gradClip\":1}")).containsExactly(
                "gradClip: unknown key; legal keys: [type, steps, stepSize, leapfrogSteps, clamp, adapt]");
        assertThat(problems("{\"type\":\"hmc\",\"leapfrogSteps\":0,\"stepSize\":-1}")).containsExactly(
                "stepSize: must be > 0, found -1.0", "leapfrogSteps: must be > 0, found 0");
        GdSpec g = (GdSpec) Fixtures.spec("{\"type\":\"gd\",\"stepSize\":10,\"gradClip\":0.01}", SamplerSpec.class);
        assertThat(g.asLangevin().noise()).isZero();
        assertThat(problems("{\"type\":\"gd\"}")).containsExactly(
                "stepSize: is required (x' = x − stepSize·∇E(x))");
        assertThat(problems("{\"type\":\"gd\",\"stepSize\":0.1,\"noise\":0.1}")).containsExactly(
                "noise: unknown key; legal keys: [type, steps, stepSize, gradClip, clamp]");
    }
}
