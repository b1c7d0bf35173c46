package dev.ebm.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoriesTest {

    @Test
    void optionsComeFirstThenTheEnvironmentThenPluginsBesideTheSpec(@TempDir Path tmp) throws IOException {
        Path spec = Files.writeString(tmp.resolve("x.yaml"), "name: x\n");
        Files.createDirectories(tmp.resolve("plugins"));
        Files.createDirectories(tmp.resolve("sub"));
        Path other = Files.writeString(tmp.resolve("sub/no-plugins-beside.json"), "{}");
        PluginDirectories d = PluginDirectories.of(new String[] {"train", spec.toString(), "--plugins", "a",
            "--set", "x=y.yaml", "--plugins=b", other.toString()}, "c" + File.pathSeparator + " " + File.pathSeparator
            + "d");
        assertThat(d.explicit()).containsExactly(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("d"));
        assertThat(d.besideSpecs()).containsExactly(tmp.resolve("plugins"));
        assertThat(d.all()).hasSize(5).last().isEqualTo(tmp.resolve("plugins"));
    }

    @Test
    void argumentsAfterADoubleDashAreNotOptions() {
        PluginDirectories d = PluginDirectories.of(new String[] {"train", "--", "--plugins", "a"}, null);
        assertThat(d.explicit()).isEmpty();
    }

    @Test
    void theSubcommandIsTheFirstArgumentThatIsNotAnOptionOrAPluginDirectory() {
        assertThat(PluginDirectories.subcommand(new String[] {"--plugins", "dir", "train", "x.yaml"}))
                .isEqualTo("train");
        assertThat(PluginDirectories.subcommand(new String[] {"--help"})).isNull();
    }

    @Test
    void majorVersionsDecideCompatibility() {
        assertThat(ApiVersion.major("0.1.0-SNAPSHOT")).isZero();
        assertThat(ApiVersion.major("12.3")).isEqualTo(12);
        assertThat(ApiVersion.major("dev")).isEqualTo(-1);
        assertThat(ApiVersion.incompatibility("0.9.1", "0.1.0-SNAPSHOT")).isNull();
        assertThat(ApiVersion.incompatibility(null, "1.0")).isNull();
        assertThat(ApiVersion.incompatibility("2.0.0", "1.4")).isEqualTo("built against ebm-api 2.0.0, but this "
                + "runner has ebm-api 1.4 (major versions 2 and 1 differ); rebuild the plugin against ebm-api 1.4");
    }
}
