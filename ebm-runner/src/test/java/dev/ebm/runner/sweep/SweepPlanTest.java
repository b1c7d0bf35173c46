package dev.ebm.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, expanding, naming and validating sweep files (no training). */
class SweepPlanTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private final SpecLoader loader = new SpecLoader(REGISTRY);
    private static final Path NCE = Path.of("..", "examples", "toy", "eight-gaussians-nce.yaml").toAbsolutePath()
            .normalize();
    private static final Path ML = Path.of("..", "examples", "toy", "eight-gaussians-ml.yaml").toAbsolutePath()
            .normalize();

    private SweepFile sweep(Path dir, String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return SweepFile.read(f, loader.mapper());
    }

    private List<String> problems(Path dir, String text) throws IOException {
        try {
            SweepPlan.expand(sweep(dir, text)).resolve(loader);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).toList();
        }
        throw new AssertionError("no problem found in " + text);
    }

    @Test
    void aGridIsItsCartesianProductNamedByTheVariedPathsAndRunSeedFirst(@TempDir Path tmp) throws IOException {
        Files.copy(NCE, tmp.resolve("nce.yaml"));
        SweepFile f = sweep(tmp, """
                base: nce.yaml
                grid: {"objective[0].ratio": [1, 4], "train.steps": [40], "optimizer.lr": [0.001, 1.0e-2]}
                seeds: [1, 2]
                """);
        SweepPlan plan = SweepPlan.expand(f);
        assertThat(plan.cases()).extracting(SweepPlan.PlannedCase::name)
                .containsExactly("ratio=1_lr=0.001", "ratio=1_lr=0.01", "ratio=4_lr=0.001", "ratio=4_lr=0.01");
        assertThat(plan.runs()).extracting(SweepPlan.PlannedRun::dir).containsExactly(
                "ratio=1_lr=0.001-seed1", "ratio=1_lr=0.01-seed1", "ratio=4_lr=0.001-seed1", "ratio=4_lr=0.01-seed1",
                "ratio=1_lr=0.001-seed2", "ratio=1_lr=0.01-seed2", "ratio=4_lr=0.001-seed2", "ratio=4_lr=0.01-seed2");
        assertThat(plan.cases().get(2).overrides())
                .containsExactly("objective[0].ratio=4", "train.steps=40", "optimizer.lr=0.001");
        assertThat(plan.cases().get(0).base().file()).isEqualTo(tmp.resolve("nce.yaml").toAbsolutePath());

        List<SweepPlan.ResolvedRun> runs = plan.resolve(loader);
        SweepPlan.ResolvedRun last = runs.get(7);
        assertThat(last.spec().seed()).isEqualTo(2L);
        assertThat(last.spec().train().steps()).isEqualTo(40);
        assertThat(last.yaml()).contains("ratio: 4").contains("lr: 0.01").contains("seed: 2");
        assertThat(loader.toYaml(loader.parse(last.yaml(), List.of()))).isEqualTo(last.yaml());
    }

    @Test
    void casesComeFirstInNamesAndMayNameTheirOwnBase(@TempDir Path tmp) throws IOException {
        SweepFile f = sweep(tmp, """
                base: %s
                cases:
                  short: {"train.steps": 10}
                  ml: {base: %s}
                grid: {"sampler.epsilon": [0.1, 0.05]}
                seeds: [3]
                """.formatted(NCE, ML));
        SweepPlan plan = SweepPlan.expand(f);
        assertThat(plan.runs()).extracting(SweepPlan.PlannedRun::dir).containsExactly("short_epsilon=0.1-seed3",
                "short_epsilon=0.05-seed3", "ml_epsilon=0.1-seed3", "ml_epsilon=0.05-seed3");
        assertThat(plan.cases().get(2).base().file()).isEqualTo(ML);
        assertThat(plan.cases().get(0).overrides()).containsExactly("train.steps=10", "sampler.epsilon=0.1");
        assertThat(plan.runs().get(0).overrides()).endsWith("seed=3");
    }

    @Test
    void commandLineSetsApplyToEveryRunAfterTheCasesWithoutRenamingThem(@TempDir Path tmp) throws IOException {
        SweepFile f = sweep(tmp, """
                base: %s
                cases: {a: {"train.steps": 1000}, b: {}}
                grid: {"sampler.steps": [5, 10], "train.steps": [1000]}
                seeds: [1]
                """.formatted(ML)).withSets(List.of("train.steps=20", "train.evalGrid=50"), loader.mapper());
        SweepPlan plan = SweepPlan.expand(f);
        assertThat(plan.cases()).extracting(SweepPlan.PlannedCase::name).containsExactly("a_sampler.steps=5",
                "a_sampler.steps=10", "b_sampler.steps=5", "b_sampler.steps=10");
        assertThat(plan.cases().get(0).overrides()).containsExactly("train.steps=1000", "sampler.steps=5",
                "train.steps=20", "train.evalGrid=50");
        assertThat(plan.resolve(loader).get(0).spec().train().steps()).isEqualTo(20);
        assertThatThrownBy(() -> f.withSets(List.of("novalue"), loader.mapper())).isInstanceOf(SpecException.class)
                .hasMessageContaining("--set novalue: must be path=value");
    }

    @Test
    void onlyCasesOrNothingVaried(@TempDir Path tmp) throws IOException {
        assertThat(SweepPlan.expand(sweep(tmp, "base: " + NCE + "\nseeds: [1]\n")).runs())
                .extracting(SweepPlan.PlannedRun::dir).containsExactly("base-seed1");
        assertThat(SweepPlan.expand(sweep(tmp, "base: " + NCE + "\ngrid: {train.steps: [5]}\nseeds: [1]\n")).runs())
                .extracting(SweepPlan.PlannedRun::dir).containsExactly("base-seed1");
    }

    @Test
    void pathsSharingTheirLastSegmentAreNamedByAsManySegmentsAsTellThemApart() {
        assertThat(RunNames.labels(List.of("objective[0].weight", "objective[1].weight", "sampler.steps",
                "train.steps", "optimizer.lr")))
                .containsExactly(Map.entry("objective[0].weight", "objective0.weight"),
                        Map.entry("objective[1].weight", "objective1.weight"),
                        Map.entry("sampler.steps", "sampler.steps"), Map.entry("train.steps", "train.steps"),
                        Map.entry("optimizer.lr", "lr"));
        assertThat(RunNames.labels(List.of("a.x.w", "b.x.w", "c.y.w")))
                .containsExactly(Map.entry("a.x.w", "a.x.w"), Map.entry("b.x.w", "b.x.w"), Map.entry("c.y.w", "y.w"));
    }

    @Test
    void valuesAreSanitisedToTheNameCharacters(@TempDir Path tmp) throws IOException {
        assertThat(RunNames.sanitise("a b/c")).isEqualTo("a-b-c");
        assertThat(RunNames.sanitise("  ")).isEqualTo("-");
        SweepFile f = sweep(tmp, """
                base: %s
                grid: {"energy.hidden": [[16, 16], [8]], "energy.activation": [swish, "leaky relu?"]}
                seeds: [1]
                """.formatted(NCE));
        assertThat(SweepPlan.expand(f).cases()).extracting(SweepPlan.PlannedCase::name).containsExactly(
                "hidden=16-16_activation=swish", "hidden=16-16_activation=leaky-relu",
                "hidden=8_activation=swish", "hidden=8_activation=leaky-relu");
        assertThat(SweepPlan.expand(f).cases().get(0).overrides())
                .containsExactly("energy.hidden=[16,16]", "energy.activation=\"swish\"");
    }

    @Test
    void valuesThatSanitiseAlikeAreRefusedNamingBoth(@TempDir Path tmp) throws IOException {
        SweepFile f = sweep(tmp, "base: " + NCE + "\ngrid: {name: [\"a b\", \"a-b\"]}\nseeds: [1]\n");
        assertThatThrownBy(() -> SweepPlan.expand(f)).isInstanceOf(SpecException.class)
                .hasMessageContaining("grid: 'name = \"a b\"' and 'name = \"a-b\"' would both be named 'name=a-b'");
    }

    @Test
    void theSweepFileItselfIsCheckedAllAtOnce(@TempDir Path tmp) throws IOException {
        assertThat(problems(tmp, """
                base: missing.yaml
                grid: {"train.steps": 40, "sampler.steps": []}
                cases: {"bad name": {"train.steps": 5}, ok: [1]}
                seeds: [1, -2, 1, x]
                extra: 1
                """)).containsExactly(
                "extra: unknown key; known: [base, cases, grid, seeds]",
                "base: no such spec file: " + tmp.resolve("missing.yaml") + " (found 'missing.yaml')",
                "grid.\"train.steps\": must be a non-empty list of values, found 40 (write [40] for one value)",
                "grid.\"sampler.steps\": must be a non-empty list of values, found array []",
                "cases.\"bad name\": a case name must use only letters, digits and '._=-', found 'bad name'",
                "cases.ok: must be a mapping of --set paths to values (and optionally 'base'), found array [1]",
                "seeds[1]: must be an integer >= 0, found -2",
                "seeds[2]: repeats the seed 1",
                "seeds[3]: must be an integer >= 0, found \"x\"");
        assertThat(problems(tmp, "grid: {train.steps: [4]}\n")).containsExactly(
                "seeds: must be a non-empty list of integer seeds, e.g. [1, 2, 3], found nothing",
                "base: is required (a spec file, relative to the sweep file, or an inline spec)");
    }

    @Test
    void everyGridPathAndValueIsCheckedAgainstTheBaseSpecNamingTheCases(@TempDir Path tmp) throws IOException {
        assertThat(problems(tmp, """
                base: %s
                grid: {"train.stesp": [4], "objective[3].ratio": [2]}
                seeds: [1]
                """.formatted(NCE))).containsExactly(
                "objective[3].ratio: index 3 is out of range: 'objective' has 1 entries (in --set objective[3].ratio=2)"
                        + " [case base]",
                "train.stesp: unknown key; legal keys: [steps, batch, chains, logEvery, checkpointEvery, sampleEvery, "
                        + "maxEnergy, evalPoints, evalGrid, logZ, distributed] [case base]");
        assertThat(problems(tmp, """
                base: %s
                grid: {"train.steps": [0, 10, -1], "sampler.epsilon": [0.1]}
                seeds: [1]
                """.formatted(ML))).containsExactly(
                "train.steps: must be > 0, found 0 [case steps=0]",
                "train.steps: must be > 0, found -1 [case steps=-1]");
    }

    @Test
    void anInlineBaseAndWhatTrainRefusesAreCheckedToo(@TempDir Path tmp) throws IOException {
        assertThat(problems(tmp, """
                base:
                  data: {type: eight-gaussians}
                  energy: {type: mlp, hidden: [8]}
                  negatives: {type: noise}
                  sampler: {type: langevin, steps: 5, epsilon: 0.1}
                  objective: [{type: cd-star}]
                seeds: [1]
                """)).anySatisfy(p -> assertThat(p).startsWith("optimizer: is required"))
                .anySatisfy(p -> assertThat(p).contains("cd-star"));
    }

    @Test
    void aDryRunPrintsThePlanWithWhatIsDoneAndTheCostAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, "base: " + NCE + "\ngrid: {\"objective[0].ratio\": [1, 4], train.steps: [40]}\n"
                + "seeds: [1]\n");
        Path dir = tmp.resolve("out");
        var runs = SweepPlan.expand(SweepFile.read(file, loader.mapper())).resolve(loader);
        Path done = Files.createDirectories(dir.resolve("runs").resolve("ratio=1-seed1"));
        Files.writeString(done.resolve("spec.resolved.yaml"), runs.get(0).yaml());
        Files.writeString(done.resolve("eval.json"), "{\"step\": 40, \"kl\": 0.5}");
        Path other = Files.createDirectories(dir.resolve("runs").resolve("ratio=4-seed1"));
        Files.writeString(other.resolve("spec.resolved.yaml"), runs.get(0).yaml());

        var r = dev.ebm.runner.Cli.run("sweep", file.toString(), "--out", dir.toString(),
                "--dry-run", "--workers", "9");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("--workers 9 x 1 thread(s) exceeds the");
        assertThat(r.out()).contains(" -> " + dir + ": 2 case(s) x 1 seed(s) = 2 runs")
                .contains("  ratio=4: " + NCE + " with objective[0].ratio=4, train.steps=40")
                .containsPattern("runs/ratio=1-seed1 +done")
                .containsPattern("runs/ratio=4-seed1 +REFUSED: its spec.resolved.yaml differs from the sweep's spec "
                        + "for it \\(line \\d+: 'ratio: 1' there, 'ratio: 4' in the sweep\\)")
                .contains("estimated cost: 0 run(s) to do");
        assertThat(dir.resolve("sweep.json")).doesNotExist();
        assertThat(dir.resolve(SweepLock.FILE)).doesNotExist();

        var bad = dev.ebm.runner.Cli.run("sweep", tmp.resolve("none.yaml").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("no such sweep file");
    }

    @Test
    void workersTimesThreadsNeverExceedTheCores() {
        assertThat(Workers.choose(null, null, 2)).isEqualTo(new Workers(2, 1, List.of()));
        assertThat(Workers.choose(null, 2, 2)).isEqualTo(new Workers(1, 2, List.of()));
        Workers w = Workers.choose(4, 1, 2);
        assertThat(w.workers()).isEqualTo(2);
        assertThat(w.notes()).containsExactly(
                "--workers 4 x 1 thread(s) exceeds the 2 available cores: using 2 worker(s)");
        Workers t = Workers.choose(1, 8, 2);
        assertThat(t.threads()).isEqualTo(2);
        assertThat(t.notes()).containsExactly("--threads 8 exceeds the 2 available cores: using 2");
        assertThatThrownBy(() -> Workers.choose(0, null, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
