package dev.ebm.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import dev.ebm.api.Transition;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.TransitionProvider;
import dev.ebm.api.spec.TransitionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loading plugin jars built at test time: every jar loads or fails on its own, with the reason named. */
class PluginLoaderTest {
    @TempDir
    static Path work;
    static PluginFixture fx;
    static PluginCatalog catalog;

    @BeforeAll
    static void load() throws IOException {
        fx = new PluginFixture(work);
        PluginLoader.Result r = new PluginLoader().load(List.of(fx.dir));
        catalog = new PluginCatalog(r.entries(), r.failures());
    }

    private static PluginEntry entry(String type) {
        return catalog.entries(Kind.TRANSITION).stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
    }

    private static String failureOf(Path jar) {
        return catalog.failures().stream().filter(f -> jar.equals(f.jar())).map(PluginFailure::reason)
                .findFirst().orElse(null);
    }

    private static double[] apply(String type, double by, double... x) {
        PluginRegistry reg = catalog.registry();
        TransitionSpec spec = new dev.ebm.api.plugin.SpecBinder(reg).bind(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("type", type, "by", by)),
                TransitionSpec.class);
        PluginContext ctx = new PluginContext(DataType.DOUBLE, new long[] {x.length}, Box.uniform(x.length, -1, 1),
                reg, new Rng(1));
        Transition t = reg.create(spec, ctx);
        INDArray out = t.apply(Nd4j.createFromArray(new double[][] {x}), new Rng(2));
        return out.toDoubleVector();
    }

    @Test
    void aModularJarLoadsIntoALayerOfItsOwnThatReadsTheUnnamedModule() {
        PluginEntry shift = entry("shift");
        assertThat(shift).as("shift from " + catalog.failures()).isNotNull();
        assertThat(shift.origin().module()).isEqualTo("acme.shift");
        assertThat(shift.origin().version()).isEqualTo("1.2.0");
        assertThat(shift.origin().jar()).isEqualTo(fx.good);
        assertThat(shift.origin().apiVersion()).isEqualTo(ApiVersion.runtime());
        Module m = shift.provider().getClass().getModule();
        assertThat(m.isNamed()).isTrue();
        assertThat(m.getLayer()).isNotSameAs(ModuleLayer.boot());
        assertThat(m.canRead(INDArray.class.getModule())).isTrue();
        assertThat(apply("shift", 1.5, 1.0, -2.0)).containsExactly(2.5, -0.5);
    }

    @Test
    void aPlainJarLoadsThroughAClassLoaderOfItsOwn() {
        PluginEntry scale = entry("scale");
        assertThat(scale).as("scale from " + catalog.failures()).isNotNull();
        assertThat(scale.provider()).isInstanceOf(TransitionProvider.class);
        assertThat(scale.origin().module()).isNull();
        assertThat(scale.origin().version()).isEqualTo("3.1");
        assertThat(scale.origin().apiVersion()).isEqualTo(ApiVersion.runtime());
        assertThat(scale.provider().getClass().getClassLoader().getName()).isEqualTo("plugin:acme-scale.jar");
        assertThat(apply("scale", 3.0, 1.0, -2.0)).containsExactly(3.0, -6.0);
    }

    @Test
    void aBadDescriptorIsNamedWithItsReason() {
        assertThat(failureOf(fx.badDescriptor)).startsWith("bad module descriptor: ");
    }

    @Test
    void aMissingDependencyIsNamed() {
        assertThat(failureOf(fx.missingDependency)).startsWith("missing dependency: ").contains("acme.absent")
                .contains("acme.needy");
        assertThat(entry("needy")).isNull();
    }

    @Test
    void aThrowingConstructorIsNamedWithItsMessage() {
        assertThat(failureOf(fx.throwing)).contains("acme.boom.ShiftProvider could not be instantiated")
                .contains("IllegalStateException: no licence file found");
    }

    @Test
    void twoProvidersOfOneIdAreRefusedNamingBothJars() {
        PluginFailure f = catalog.failures().stream().filter(x -> x.types().contains("twin")).findFirst()
                .orElseThrow();
        assertThat(f.reason()).startsWith("[Plugins/DuplicateType] two transition providers have type 'twin': ")
                .contains(fx.twinA.toString()).contains(fx.twinB.toString()).endsWith("neither is loaded");
        assertThat(entry("twin")).isNull();
    }

    @Test
    void aDifferentApiMajorVersionIsRefusedNamingBothVersions() {
        assertThat(failureOf(fx.wrongApi)).isEqualTo("built against ebm-api 9.0.0, but this runner has ebm-api "
                + ApiVersion.runtime() + " (major versions 9 and 0 differ); rebuild the plugin against ebm-api "
                + ApiVersion.runtime());
    }

    @Test
    void everyFailureIsOneJarAndTheOthersStillLoad() {
        assertThat(catalog.failures()).extracting(PluginFailure::jar).containsExactlyInAnyOrder(fx.badDescriptor,
                fx.missingDependency, fx.throwing, fx.twinA, fx.wrongApi);
        assertThat(catalog.entries(Kind.TRANSITION)).extracting(PluginEntry::type)
                .containsExactly("linked", "scale", "shift");
    }

    @Test
    void aMissingDirectoryIsAFailureNotACrash() {
        PluginLoader.Result r = new PluginLoader().load(List.of(work.resolve("nowhere")));
        assertThat(r.entries()).isEmpty();
        assertThat(r.failures()).singleElement().extracting(PluginFailure::reason)
                .isEqualTo("no such plugin directory");
    }
}
