package dev.ebm.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.objectives.spec.DsmSpec;
import dev.ebm.objectives.spec.NceNoise;
import dev.ebm.objectives.spec.NceSpec;
import dev.ebm.objectives.spec.SoftplusSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults and validation messages of the new terms' specs: each names the field and the value found. */
class ObjectiveSpecTest {

    @Test
    void defaultsAreFilledIn() {
        assertThat(Fixtures.spec("{\"type\":\"softplus\"}")).isEqualTo(new SoftplusSpec(1.0, 1.0));
        assertThat(Fixtures.spec("{\"type\":\"nce\"}")).isEqualTo(new NceSpec(1.0, 1, null));
        assertThat(Fixtures.spec("{\"type\":\"dsm\",\"sigma\":0.1,\"weight\":2}")).isEqualTo(new DsmSpec(2.0, 0.1));
        ObjectiveSpec n = Fixtures.spec("{\"type\":\"nce\",\"ratio\":5,\"noise\":{\"mean\":[1,2],\"std\":0.5}}");
        assertThat(n).isEqualTo(new NceSpec(1.0, 5, new NceNoise(List.of(1.0, 2.0), 0.5)));
        for (String type : List.of("cd-star", "logsumexp", "softplus", "nce")) {
            assertThat(Fixtures.spec("{\"type\":\"" + type + "\"}").weight()).isEqualTo(1.0);
        }
    }

    @Test
    void badSigmaIsRefusedNamingTheFieldAndTheValue() {
        assertThat(Fixtures.problems("{\"type\":\"dsm\",\"sigma\":-0.1}")).containsExactly(
                "sigma: must be > 0, found -0.1");
        assertThat(Fixtures.problems("{\"type\":\"dsm\",\"sigma\":0}")).containsExactly(
                "sigma: must be > 0, found 0.0");
        assertThat(Fixtures.problems("{\"type\":\"dsm\"}")).containsExactly(
                "sigma: is required (the standard deviation of the noise added to the data, > 0)");
    }

    @Test
    void badRatioAndNoiseAreRefusedNamingTheFieldAndTheValue() {
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"ratio\":0}")).containsExactly(
                "ratio: must be > 0, found 0");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"ratio\":1.5}")).containsExactly(
                "ratio: must be an integer, found 1.5");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"ratio\":-2}")).containsExactly(
                "ratio: must be > 0, found -2");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"mean\":[0,0],\"std\":-1}}"))
                .containsExactly("noise.std: must be > 0, found -1.0");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"mean\":[0,null],\"std\":1}}"))
                .containsExactly("noise.mean: must hold finite numbers, found [0.0, null]");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"std\":1}}")).containsExactly(
                "noise.mean: is required: one value per coordinate of a sample, e.g. [0.0, 0.0]");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"mean\":[0,0],\"scale\":1}}")).containsExactly(
                "noise.scale: unknown key; legal keys: [mean, std]");
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"mean\":[0,0]}}")).containsExactly(
                "noise.std: is required (the noise's standard deviation per coordinate, > 0)");
        // the dimension is known only when the term is built for a run's data (2-D here)
        assertThat(Fixtures.problems("{\"type\":\"nce\",\"noise\":{\"mean\":[0,0,0],\"std\":1}}")).containsExactly(
                "noise.mean: has 3 values but a sample has 2 coordinates");
    }

    @Test
    void badTemperatureIsRefusedNamingTheFieldAndTheValue() {
        assertThat(Fixtures.problems("{\"type\":\"softplus\",\"temperature\":0}")).containsExactly(
                "temperature: must be > 0, found 0.0");
        assertThat(Fixtures.problems("{\"type\":\"softplus\",\"temperature\":-2.5,\"weight\":\"x\"}"))
                .containsExactly("weight: must be a number, found 'x'");
        assertThat(Fixtures.problems("{\"type\":\"softplus\",\"temperature\":-2.5}")).containsExactly(
                "temperature: must be > 0, found -2.5");
    }
}
