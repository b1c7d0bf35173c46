package dev.ebm.runner.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;

/**
 * Builds small plugin jars at test time: sources compiled with the JDK's compiler against the test's own module
 * path (ebm-api and its modules) and class path (ND4J), then jarred.
 */
final class TestJars {
    static {
        TestJars.class.getModule().addReads(ModuleLayer.boot().findModule("java.compiler").orElseThrow());
    }

    private TestJars() {}

    /** The test JVM's module path, with {@code first} entries in front (the first module of a name wins). */
    static String modulePath(List<Path> first) {
        List<String> parts = new ArrayList<>();
        first.forEach(p -> parts.add(p.toString()));
        parts.add(System.getProperty("jdk.module.path"));
        return String.join(File.pathSeparator, parts);
    }

    /**
     * Compiles a module ({@code module-info.java} among the sources) into {@code work/name-classes}.
     *
     * @param sources relative path to text, e.g. {@code "acme/shift/ShiftProvider.java"}
     * @param modulePathFirst modules to compile against ahead of the test's module path (stubs, a re-versioned api)
     */
    static Path compileModule(Path work, String name, Map<String, String> sources, List<Path> modulePathFirst)
            throws IOException {
        return compileModule(work, name, sources, modulePathFirst, null);
    }

    /** {@link #compileModule(Path, String, Map, List)} recording a module version (null for none). */
    static Path compileModule(Path work, String name, Map<String, String> sources, List<Path> modulePathFirst,
            String version) throws IOException {
        List<String> options = new ArrayList<>(List.of("--module-path", modulePath(modulePathFirst), "--class-path",
                System.getProperty("java.class.path"), "--add-reads", name + "=ALL-UNNAMED", "--add-reads",
                "dev.ebm.api=ALL-UNNAMED", "--add-reads", "dev.ebm.autodiff=ALL-UNNAMED"));
        if (version != null) {
            options.addAll(List.of("--module-version", version));
        }
        return compile(work, name, sources, options);
    }

    /** Compiles plain (non-modular) sources on the class path. */
    static Path compilePlain(Path work, String name, Map<String, String> sources) throws IOException {
        String cp = System.getProperty("jdk.module.path") + File.pathSeparator + System.getProperty("java.class.path");
        return compile(work, name, sources, List.of("--class-path", cp));
    }

    private static Path compile(Path work, String name, Map<String, String> sources, List<String> options)
            throws IOException {
        Path src = work.resolve(name + "-src");
        Path out = work.resolve(name + "-classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn"));
        args.addAll(options);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent() == null ? src : f.getParent());
            Files.writeString(f, e.getValue());
            if (f.toString().endsWith(".java")) {
                args.add(f.toString());
            } else {
                Path res = out.resolve(e.getKey());
                Files.createDirectories(res.getParent());
                Files.writeString(res, e.getValue());
            }
        }
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, log, log, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed for " + name + ": " + log);
        }
        return out;
    }

    /** Jars a classes directory; {@code attributes} go into the manifest's main section. */
    static Path jar(Path classes, Path jar, Map<String, String> attributes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
        Files.createDirectories(jar.getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A copy of the ebm-api module of the test's module path, as a jar whose module version is {@code version}. */
    static Path apiWithVersion(Path work, String version) throws IOException {
        Path api = Path.of(dev.ebm.api.plugin.Provider.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        Path copy = work.resolve("ebm-api-" + version + ".jar");
        if (Files.isDirectory(api)) {
            jar(api, copy, Map.of());
        } else {
            Files.copy(api, copy);
        }
        ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
        StringWriter err = new StringWriter();
        int rc = jarTool.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--update", "--file",
                copy.toString(), "--module-version", version);
        if (rc != 0) {
            throw new IllegalStateException("jar --update failed: " + err);
        }
        return copy;
    }

    /** A transition provider of type {@code type} in package {@code pkg} that adds {@code by} (default 1). */
    static Map<String, String> transition(String pkg, String type, String extraCtorCode, String createBody) {
        String dir = pkg.replace('.', '/');
        return Map.of(
                dir + "/ShiftSpec.java", "package " + pkg + ";\n"
                        + "public record ShiftSpec(Double by) implements dev.ebm.api.spec.TransitionSpec {\n"
                        + "  public ShiftSpec { by = by == null ? 1.0 : by; }\n}\n",
                dir + "/ShiftProvider.java", "package " + pkg + ";\n"
                        + "public final class ShiftProvider implements dev.ebm.api.plugin.TransitionProvider {\n"
                        + "  public ShiftProvider() { " + extraCtorCode + " }\n"
                        + "  public String type() { return \"" + type + "\"; }\n"
                        + "  public Class<ShiftSpec> specType() { return ShiftSpec.class; }\n"
                        + "  public String description() { return \"adds a constant\"; }\n"
                        + "  public dev.ebm.api.Transition create(dev.ebm.api.spec.TransitionSpec spec,\n"
                        + "      dev.ebm.api.plugin.PluginContext context) {\n"
                        + "    double by = ((ShiftSpec) spec).by();\n"
                        + "    " + createBody + "\n  }\n}\n");
    }

    /** The module-info of a transition plugin module. */
    static String moduleInfo(String module, String pkg, String extraRequires) {
        return "module " + module + " {\n  requires dev.ebm.api;\n" + extraRequires
                + "  provides dev.ebm.api.plugin.TransitionProvider with " + pkg + ".ShiftProvider;\n"
                + "  opens " + pkg + " to com.fasterxml.jackson.databind, dev.ebm.api;\n}\n";
    }
}
