package dev.ebm.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.runner.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plugins} through the command line: listing, specs that use a plugin that did not load, linkage errors. */
class PluginCommandsTest {
    @TempDir
    static Path work;
    static PluginFixture fx;

    @BeforeAll
    static void build() throws IOException {
        fx = new PluginFixture(work);
    }

    /** {@code bin/ebm ARGS} in this JVM. */
    static Cli.Result ebm(String... args) {
        return Cli.run(args);
    }

    static Path spec(String name, String transitions) throws IOException {
        Path p = work.resolve(name + ".yaml");
        Files.writeString(p, "name: " + name + "\nseed: 3\n"
                + "data: {type: eight-gaussians}\nenergy: {type: mlp, hidden: [8]}\n"
                + "negatives: {type: noise}\n"
                + "sampler: {type: langevin, steps: 2, epsilon: 0.1, transitions: " + transitions
                + ", transitionEvery: 1}\n"
                + "objective: [{type: ml}]\noptimizer: {type: adam, lr: 0.001}\n"
                + "train: {steps: 2, batch: 16, evalGrid: 20, evalPoints: 200}\n");
        return p;
    }

    @Test
    void pluginsListsEveryProviderWithItsJarAndEveryJarThatDidNotLoad() {
        Cli.Result r = ebm("plugins", "--plugins", fx.dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  shift +acme\\.shift +1\\.2\\.0 +acme-shift-1\\.2\\.0\\.jar$")
                .containsPattern("(?m)^  scale +- +3\\.1 +acme-scale\\.jar$")
                .containsPattern("(?m)^  langevin +dev\\.ebm\\.samplers ")
                .contains("plugin jars that did not load (5):")
                .contains("  ! acme-bad.jar: bad module descriptor: ")
                .contains("  ! acme-needy.jar: missing dependency: ")
                .contains("  ! acme-boom.jar: ")
                .contains("  ! acme-future.jar: built against ebm-api 9.0.0");
        Cli.Result v = ebm("plugins", "--verbose", "--plugins", fx.dir.toString());
        assertThat(v.out()).contains("adds a constant")
                .contains("class acme.shift.ShiftProvider, built against ebm-api " + ApiVersion.runtime()
                        + ", from plugin layer " + fx.good)
                .contains("spec {type, by: Double}");
    }

    @Test
    void aSpecFailsOnlyWhenItUsesAPluginThatDidNotLoadAndSaysWhy() throws IOException {
        Cli.Result twin = ebm("explain", spec("twin", "[{type: twin}]").toString(), "--plugins", fx.dir.toString());
        assertThat(twin.code()).isEqualTo(2);
        assertThat(twin.err()).contains("sampler.transitions[0].type: 'twin' did not load: acme-twin-a.jar: "
                + "[Plugins/DuplicateType] two transition providers have type 'twin': " + fx.twinA);
        Cli.Result needy = ebm("explain", spec("needy", "[{type: needy}]").toString(), "--plugins", fx.dir.toString());
        assertThat(needy.code()).isEqualTo(2);
        assertThat(needy.err()).contains("sampler.transitions[0].type: unknown 'needy'; known: [")
                .contains("4 plugin jars did not load and may provide it: ")
                .contains("acme-needy.jar: missing dependency: ");
        Cli.Result fine = ebm("explain", spec("fine", "[{type: shift, by: 0.0}]").toString(), "--plugins",
                fx.dir.toString());
        assertThat(fine.code()).as(fine.err()).isEqualTo(0);
        assertThat(fine.err()).contains("warning: plugin jar acme-bad.jar: bad module descriptor: ")
                .contains("warning: plugin jar acme-twin-a.jar: [Plugins/DuplicateType]");
    }

    @Test
    void aSpecTrainsWithAPluginFromTheDirectoryBesideIt() throws IOException {
        Path dir = work.resolve("beside");
        Files.createDirectories(dir.resolve("plugins"));
        Files.copy(fx.good, dir.resolve("plugins").resolve(fx.good.getFileName()));
        Path spec = dir.resolve("shifted.yaml");
        Files.copy(spec("shifted", "[{type: shift, by: 0.0}]"), spec);
        Cli.Result r = ebm("train", spec.toString(), "--out", work.resolve("run-shift").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(work.resolve("run-shift/metrics.jsonl")).isNotEmptyFile();
        assertThat(Files.readString(work.resolve("run-shift/spec.resolved.yaml"))).contains("type: shift");
    }

    @Test
    void aLinkageErrorFromAPluginIsReportedWithItsJarAndVersionsNotAsAStackTrace() throws IOException {
        Cli.Result r = ebm("train", spec("linked", "[{type: linked}]").toString(), "--plugins", fx.dir.toString(),
                "--out", work.resolve("run-linked").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("transition 'linked' from " + fx.linked + " is incompatible with the classes it "
                + "runs with (NoSuchMethodError: ").contains("acme.lib.Lib.offset()")
                .contains("it was built against ebm-api " + ApiVersion.runtime())
                .doesNotContain("\tat ");
    }
}
