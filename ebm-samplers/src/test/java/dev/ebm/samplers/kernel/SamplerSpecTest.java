package dev.ebm.samplers.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.samplers.Fixtures;
import dev.ebm.samplers.spec.GdSpec;
import dev.ebm.samplers.spec.HmcSpec;
import dev.ebm.samplers.spec.LangevinSpec;
import dev.ebm.samplers.spec.MalaSpec;
import dev.ebm.samplers.spec.ReplicaExchangeSpec;
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
        // a missing end is named, not an internal error
        assertThat(problems("{\"type\":\"langevin\",\"stepSize\":10,\"noise\":0.005,\"clamp\":[0,null]}"))
                .containsExactly("clamp: must be [low, high] with low < high, found [0.0, null]");
    }

    @Test
    void hmcAndGd() {
        HmcSpec h = (HmcSpec) Fixtures.spec("{\"type\":\"hmc\"}", SamplerSpec.class);
        assertThat(h).isEqualTo(new HmcSpec(20, 0.1, 10, null, null));
        assertThat(problems("{\"type\":\"hmc\",\"gradClip\":1}")).containsExactly(
                "gradClip: unknown key; legal keys: [type, steps, stepSize, leapfrogSteps, clamp, adapt, transitions, "
                        + "transitionEvery]");
        assertThat(problems("{\"type\":\"hmc\",\"leapfrogSteps\":0,\"stepSize\":-1}")).containsExactly(
                "stepSize: must be > 0, found -1.0", "leapfrogSteps: must be > 0, found 0");
        GdSpec g = (GdSpec) Fixtures.spec("{\"type\":\"gd\",\"stepSize\":10,\"gradClip\":0.01}", SamplerSpec.class);
        assertThat(g.asLangevin().noise()).isZero();
        assertThat(problems("{\"type\":\"gd\"}")).containsExactly(
                "stepSize: is required (x' = x − stepSize·∇E(x))");
        assertThat(problems("{\"type\":\"gd\",\"stepSize\":0.1,\"noise\":0.1}")).containsExactly(
                "noise: unknown key; legal keys: [type, steps, stepSize, gradClip, clamp, transitions, transitionEvery]");
    }

    @Test
    void replicaExchangeLadders() {
        ReplicaExchangeSpec listed = (ReplicaExchangeSpec) Fixtures.spec("{\"type\":\"replica-exchange\","
                + "\"temperatures\":[1,2,4],\"kernel\":{\"type\":\"mala\"}}", SamplerSpec.class);
        assertThat(listed.steps()).isEqualTo(100);
        assertThat(listed.swapEvery()).isEqualTo(1);
        assertThat(listed.ladder()).containsExactly(1, 2, 4);
        assertThat(listed.kernel()).isEqualTo(new MalaSpec(null, null, null, null, null, null, null));
        ReplicaExchangeSpec geometric = (ReplicaExchangeSpec) Fixtures.spec("{\"type\":\"replica-exchange\","
                + "\"maxTemperature\":27,\"replicas\":4,\"kernel\":{\"type\":\"hmc\"}}", SamplerSpec.class);
        assertThat(geometric.ladder()).containsExactly(new double[] {1, 3, 9, 27}, within(1e-12));
        assertThat(geometric.temperatures()).isNull();
    }

    @Test
    void replicaExchangeProblems() {
        assertThat(problems("{\"type\":\"replica-exchange\",\"kernel\":{\"type\":\"mala\"}}")).containsExactly(
                "temperatures: is required (a ladder such as [1, 2, 4, 8]), or give maxTemperature and replicas for "
                        + "a geometric one");
        assertThat(problems("{\"type\":\"replica-exchange\",\"temperatures\":[2,1.5,3],\"swapEvery\":0}"))
                .containsExactly("temperatures[0]: must be 1 (the chains a caller sees), found 2.0",
                        "temperatures[1]: must be > temperatures[0] = 2.0 (the ladder increases), found 1.5",
                        "kernel: is required, e.g. {type: mala, epsilon: 0.5}", "swapEvery: must be > 0, found 0");
        assertThat(problems("{\"type\":\"replica-exchange\",\"temperatures\":[1],\"maxTemperature\":4,"
                + "\"kernel\":{\"type\":\"mala\"}}")).containsExactly(
                "maxTemperature: cannot be given with temperatures; use one form",
                "temperatures: needs at least two temperatures, found [1.0]");
        assertThat(problems("{\"type\":\"replica-exchange\",\"maxTemperature\":0.5,\"replicas\":1,"
                + "\"kernel\":{\"type\":\"replica-exchange\",\"temperatures\":[1,2],\"kernel\":{\"type\":\"gd\","
                + "\"stepSize\":0.1}}}")).containsExactly("maxTemperature: must be > 1, found 0.5",
                "replicas: must be >= 2, found 1", "kernel.type: cannot be replica-exchange inside replica-exchange");
        assertThat(problems("{\"type\":\"replica-exchange\",\"replicas\":3,\"kernel\":{\"type\":\"mala\","
                + "\"transitions\":[{\"type\":\"noise\",\"std\":0.1}],\"transitionEvery\":2}}")).containsExactly(
                "maxTemperature: is required with replicas (or list temperatures)",
                "kernel.transitions: are not applied inside replica-exchange; give them on the replica-exchange "
                        + "spec (they act on the T = 1 chains)");
        assertThat(problems("{\"type\":\"replica-exchange\",\"temperatures\":[1,2],\"kernel\":{\"type\":\"mala\","
                + "\"noise\":0,\"stepSize\":1}}")).containsExactly(
                "kernel.noise: must be > 0 for mala, found 0.0 (the proposal density divides by noise²; for "
                        + "noise-free descent use gd)");
    }

    @Test
    void transitionsOnKernelSpecs() {
        for (String type : List.of("langevin", "mala", "hmc", "gd", "replica-exchange")) {
            String base = "{\"type\":\"" + type + "\"" + switch (type) {
                case "gd" -> ",\"stepSize\":0.1";
                case "replica-exchange" -> ",\"temperatures\":[1,2],\"kernel\":{\"type\":\"mala\"}";
                default -> "";
            };
            SamplerSpec s = Fixtures.spec(base + ",\"transitions\":[{\"type\":\"noise\",\"std\":0.1},"
                    + "{\"type\":\"noise\",\"std\":0.2}],\"transitionEvery\":5}", SamplerSpec.class);
            assertThat(s.transitions()).as(type).hasSize(2);
            assertThat(s.transitionEvery()).as(type).isEqualTo(5);
            assertThat(Fixtures.spec(base + "}", SamplerSpec.class).transitions()).as(type).isEmpty();
            assertThat(problems(base + ",\"transitions\":[{\"type\":\"noise\",\"std\":0.1}]}")).as(type)
                    .containsExactly("transitionEvery: is required with transitions (apply them after every N-th "
                            + "step)");
            assertThat(problems(base + ",\"transitionEvery\":3}")).as(type).containsExactly(
                    "transitionEvery: has no transitions to apply, found 3 (give transitions, or drop "
                            + "transitionEvery)");
            assertThat(problems(base + ",\"transitions\":[{\"type\":\"blurr\"}],\"transitionEvery\":1}"))
                    .as(type).hasSize(1).first().asString().startsWith("transitions[0].type: unknown 'blurr'; known: [");
        }
    }

    @Test
    void langevinAnneal() {
        LangevinSpec a = (LangevinSpec) Fixtures.spec("{\"type\":\"langevin\",\"steps\":11,\"stepSize\":0.1,"
                + "\"anneal\":{\"noise\":{\"from\":0.5,\"to\":0}}}", SamplerSpec.class);
        assertThat(a.anneal().schedule()).isEqualTo("linear");
        assertThat(a.noiseStd(0)).isEqualTo(0.5);
        assertThat(a.noiseStd(5)).isCloseTo(0.25, within(1e-15));
        assertThat(a.noiseStd(10)).isEqualTo(0.0);
        assertThat(a.noiseStd(20)).as("beyond the run: the last value").isEqualTo(0.0);
        assertThat(a.drift(7)).isEqualTo(0.1);
        LangevinSpec g = (LangevinSpec) Fixtures.spec("{\"type\":\"langevin\",\"steps\":5,\"noise\":0.01,"
                + "\"anneal\":{\"step\":{\"from\":1,\"to\":0.0001},\"schedule\":\"geometric\"}}", SamplerSpec.class);
        for (int t = 0; t < 5; t++) {
            assertThat(g.drift(t)).as("step " + t).isCloseTo(Math.pow(10, -t), within(1e-15));
            assertThat(g.noiseStd(t)).isEqualTo(0.01);
        }
        assertThat(problems("{\"type\":\"langevin\",\"epsilon\":0.1,\"anneal\":{\"noise\":{\"from\":1,\"to\":0}}}"))
                .containsExactly("anneal: needs the decoupled form (stepSize and noise), not epsilon");
        assertThat(problems("{\"type\":\"langevin\",\"stepSize\":0.1,\"noise\":0.1,"
                + "\"anneal\":{\"noise\":{\"from\":1,\"to\":0}}}"))
                .containsExactly("noise: cannot be given with anneal.noise (the ramp replaces it)");
        assertThat(problems("{\"type\":\"langevin\",\"anneal\":{\"noise\":{\"from\":1,\"to\":0},"
                + "\"schedule\":\"geometric\"}}")).containsExactly(
                "anneal.noise.to: must be > 0 for a geometric schedule, found 0.0 (use linear to reach 0)");
        assertThat(problems("{\"type\":\"langevin\",\"anneal\":{\"noise\":{\"from\":1,\"to\":0}}}"))
                .containsExactly("stepSize: is required (or give anneal.step)");
        assertThat(problems("{\"type\":\"langevin\",\"stepSize\":0.1,\"anneal\":{\"step\":{\"from\":0,\"to\":-1}}}"))
                .containsExactly("anneal.step.to: must be >= 0, found -1.0");
        assertThat(problems("{\"type\":\"langevin\",\"noise\":0.1,\"anneal\":{\"schedule\":\"cosine\"}}"))
                .containsExactly("anneal.schedule: unknown 'cosine'; known: [geometric, linear]",
                        "anneal.noise: is required unless step is given (anneal what?)");
    }

    /** Specs serialise with their type ids (nested kernels and transitions too) and bind back to equal records. */
    @Test
    void newSpecsRoundTripThroughJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper()
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        Fixtures.REGISTRY.registerSpecTypes(m);
        for (String json : List.of(
                "{\"type\":\"replica-exchange\",\"maxTemperature\":10,\"replicas\":5,\"swapEvery\":2,"
                        + "\"kernel\":{\"type\":\"mala\",\"adapt\":{}},\"transitions\":[{\"type\":\"noise\","
                        + "\"std\":0.1}],\"transitionEvery\":4}",
                "{\"type\":\"langevin\",\"steps\":30,\"anneal\":{\"noise\":{\"from\":0.5,"
                        + "\"to\":0},\"step\":{\"from\":0.2,\"to\":0.01},\"schedule\":\"linear\"}}")) {
            SamplerSpec s = Fixtures.spec(json, SamplerSpec.class);
            String written = m.writerFor(SamplerSpec.class).writeValueAsString(s);
            SamplerSpec back = new dev.ebm.api.plugin.SpecBinder(Fixtures.REGISTRY).bind(m.readTree(written),
                    SamplerSpec.class);
            assertThat(back).as(written).isEqualTo(s);
        }
    }
}
