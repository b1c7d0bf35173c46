package dev.ebm.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed experiment files read as documented; a broken file reports every problem with its path. */
class ExperimentFileTest {
    private static final Path DIR = Path.of("..", "examples", "mnist", "gagnon-lajoie", "experiments");
    private final SpecLoader loader = new SpecLoader(PluginRegistry.load());

    private ExperimentFile read(String name, String... with) {
        return ExperimentFile.read(DIR.resolve(name), List.of(with), loader.mapper());
    }

    @Test
    void theTrueCdExperimentRunsChainsFromNoiseAndFromTestImagesAndTheLines() {
        ExperimentFile f = read("true-cd-vs-ml.yaml");
        assertThat(f.name()).isEqualTo("true-cd-vs-ml");
        assertThat(f.seed()).isEqualTo(2022);
        assertThat(f.models()).containsExactly("ml", "cd-star", "cd");
        assertThat(f.sweeps()).extracting(p -> p.getFileName().toString()).containsExactly("ml.yaml", "true-cd.yaml");
        assertThat(f.analyses()).extracting(Analysis::id).containsExactly("from-noise", "from-test", "lines");
        Analysis test = f.analyses().get(1);
        assertThat(test.start()).isEqualTo("test");
        assertThat(test.chains()).isEqualTo(64);
        assertThat(f.analyses().get(2).points()).isEqualTo(20);
        assertThat(f.analyses().get(2).chains()).isEqualTo(100);
    }

    @Test
    void aVaryExpandsIntoOneAnalysisPerValueThatKeepsTheName() {
        ExperimentFile f = read("noise-funnel.yaml", "analyses.shared-start.steps=50");
        assertThat(f.analyses()).hasSize(8);
        Analysis a = f.analyses().get(2);
        assertThat(a.id()).isEqualTo("shared-start@noise=0.05");
        assertThat(a.name()).isEqualTo("shared-start");
        assertThat(a.sets()).containsExactly("sampler.noise=0.05");
        assertThat(a.steps()).isEqualTo(50);
        assertThat(a.at()).containsExactly(200);
        assertThat(f.analyses().get(7).id()).isEqualTo("different-starts@noise=0.1");
        assertThat(f.analyses().get(7).steps()).isEqualTo(1000);
    }

    @Test
    void theElasticExperimentDeformsEvery100StepsInOneOfItsAnalyses() {
        ExperimentFile f = read("elastic.yaml");
        assertThat(f.analyses().get(0).sets()).isEmpty();
        assertThat(f.analyses().get(1).sets()).containsExactly(
                "sampler.transitions=[{\"type\":\"elastic\",\"mode\":\"grid\",\"std\":2,\"points\":3}]",
                "sampler.transitionEvery=100");
        assertThat(f.models()).containsExactly("ml-elastic", "ml");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, """
                seed: -1
                sweeps: [nowhere.yaml]
                colour: red
                analyses:
                  a: {type: chains, start: noise, chains: 0}
                  b: {type: chains, start: test, steps: 10, set: {data.size: 8}}
                  c: {type: histogram}
                  d: {type: lines, lines: 10, steps: 3}
                """);
        assertThatThrownBy(() -> ExperimentFile.read(file, List.of(), loader.mapper()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("seed: must be in [0, ∞], found -1")
                .hasMessageContaining("sweeps: no such sweep file: nowhere.yaml")
                .hasMessageContaining("colour: unknown key")
                .hasMessageContaining("analyses.a.start: unknown 'noise'; known: [uniform, test, shared-uniform, "
                        + "shared-test]")
                .hasMessageContaining("analyses.a.chains: must be in [1, ")
                .hasMessageContaining("analyses.a.steps: is required")
                .hasMessageContaining("analyses.b.set: 'data.size': test-time chains change only the run's sampler")
                .hasMessageContaining("analyses.c.type: unknown 'histogram'; known: [chains, lines]")
                .hasMessageContaining("analyses.d.steps: unknown key for type lines");
    }
}
