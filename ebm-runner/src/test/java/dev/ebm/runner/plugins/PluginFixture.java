package dev.ebm.runner.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plugin directory holding every case the loader must handle, built at test time: a good modular jar, a good
 * plain jar, a bad descriptor, a missing dependency, a throwing constructor, two jars claiming one id, a wrong API
 * major version, and a plugin whose library changed under it (a {@link LinkageError} when it runs).
 */
final class PluginFixture {
    final Path dir;
    final Path good;
    final Path plain;
    final Path badDescriptor;
    final Path missingDependency;
    final Path throwing;
    final Path twinA;
    final Path twinB;
    final Path wrongApi;
    final Path linked;

    PluginFixture(Path work) throws IOException {
        this.dir = work.resolve("plugins");
        Files.createDirectories(dir);
        good = module(work, "acme.shift", "acme.shift", "shift", "", "", "return (x, rng) -> x.add(by);", List.of(),
                "acme-shift-1.2.0.jar");
        Path plainClasses = TestJars.compilePlain(work, "plain", with(TestJars.transition("acme.scale", "scale", "",
                "return (x, rng) -> x.mul(by);"), "META-INF/services/dev.ebm.api.plugin.TransitionProvider",
                "acme.scale.ShiftProvider\n"));
        plain = TestJars.jar(plainClasses, dir.resolve("acme-scale.jar"), Map.of(ApiVersion.MANIFEST_ATTRIBUTE,
                ApiVersion.runtime(), "Implementation-Version", "3.1"));
        Path badClasses = work.resolve("bad-classes");
        Files.createDirectories(badClasses.resolve("acme/bad"));
        Files.write(badClasses.resolve("module-info.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        Files.write(badClasses.resolve("acme/bad/X.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA,
            (byte) 0xBE});
        badDescriptor = TestJars.jar(badClasses, dir.resolve("acme-bad.jar"), Map.of());
        Path absent = TestJars.compileModule(work, "acme.absent", Map.of("module-info.java",
                "module acme.absent { exports acme.absent; }", "acme/absent/Thing.java",
                "package acme.absent; public class Thing { public static double by() { return 2; } }"), List.of());
        missingDependency = module(work, "acme.needy", "acme.needy", "needy", "  requires acme.absent;\n", "",
                "return (x, rng) -> x.add(acme.absent.Thing.by());", List.of(absent), "acme-needy.jar");
        throwing = module(work, "acme.boom", "acme.boom", "boom", "",
                "if (true) throw new IllegalStateException(\"no licence file found\");",
                "return (x, rng) -> x;", List.of(), "acme-boom.jar");
        twinA = module(work, "acme.twina", "acme.twina", "twin", "", "", "return (x, rng) -> x;", List.of(),
                "acme-twin-a.jar");
        twinB = module(work, "acme.twinb", "acme.twinb", "twin", "", "", "return (x, rng) -> x;", List.of(),
                "acme-twin-b.jar");
        Path futureApi = TestJars.apiWithVersion(work, "9.0.0");
        wrongApi = module(work, "acme.future", "acme.future", "future", "", "", "return (x, rng) -> x;",
                List.of(futureApi), "acme-future.jar");
        Path libV1 = TestJars.compileModule(work, "acme.lib", Map.of("module-info.java",
                "module acme.lib { exports acme.lib; }", "acme/lib/Lib.java",
                "package acme.lib; public class Lib { public static double offset() { return 3; } }"), List.of());
        linked = module(work, "acme.linked", "acme.linked", "linked", "  requires acme.lib;\n", "",
                "double off = acme.lib.Lib.offset(); return (x, rng) -> x.add(off);", List.of(libV1), "acme-linked.jar");
        Path libV2 = TestJars.compileModule(work.resolve("v2"), "acme.lib", Map.of("module-info.java",
                "module acme.lib { exports acme.lib; }", "acme/lib/Lib.java",
                "package acme.lib; public class Lib { public static double renamedOffset() { return 3; } }"),
                List.of());
        TestJars.jar(libV2, dir.resolve("acme-lib-2.0.jar"), Map.of());
    }

    private Path module(Path work, String module, String pkg, String type, String requires, String ctor,
            String create, List<Path> compileAgainst, String jarName) throws IOException {
        Map<String, String> src = with(TestJars.transition(pkg, type, ctor, create), "module-info.java",
                TestJars.moduleInfo(module, pkg, requires));
        Path classes = TestJars.compileModule(work, module, src, compileAgainst,
                module.equals("acme.shift") ? "1.2.0" : null);
        return TestJars.jar(classes, dir.resolve(jarName), Map.of());
    }

    private static Map<String, String> with(Map<String, String> m, String key, String value) {
        Map<String, String> out = new HashMap<>(m);
        out.put(key, value);
        return out;
    }
}
