package dev.ebm.runner.sweep;

import dev.ebm.runner.engine.ChildCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a sweep starts one {@code bin/ebm} command in a child process. Under {@code bin/ebm} the child is the launcher
 * itself (the script passes its own path as the system property {@value #LAUNCHER_PROPERTY}), so a child runs
 * exactly the command a user would type. Elsewhere (embedded, tests) the child is a {@code java} command on this
 * JVM's own module path and class path with the flags the launcher adds (reads of the unnamed module, all modules,
 * native access on JDK 24+), or on its class path alone when it has no module path.
 *
 * @param prefix the command up to and including the main class; {@code bin/ebm} arguments follow it
 * @param env variables set in the child's environment (on top of this process's)
 */
public record ChildLauncher(List<String> prefix, Map<String, String> env) {
    /** The system property {@code bin/ebm} sets to its own path. */
    public static final String LAUNCHER_PROPERTY = "ebm.launcher";
    /** JVM options of a child started without the launcher, unless {@code EBM_JAVA_OPTS} is set (as bin/ebm). */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxbytes=12G",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=0");

    public ChildLauncher {
        prefix = List.copyOf(prefix);
        env = Map.copyOf(env);
    }

    /** The launcher this process was started by, or a java command on this JVM's paths. */
    public static ChildLauncher current() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && Files.isExecutable(Paths.get(launcher))) {
            return new ChildLauncher(List.of(launcher), Map.of());
        }
        String opts = System.getenv("EBM_JAVA_OPTS");
        return currentJvm(opts == null || opts.isBlank() ? DEFAULT_JVM_OPTIONS : List.of(opts.trim().split("\\s+")));
    }

    /**
     * A {@code java} command on this JVM's module path and class path, running {@code dev.ebm.runner.Main} with
     * {@code jvmOptions} and the launcher's flags.
     */
    public static ChildLauncher currentJvm(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (ext != null) {
            cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
        }
        String modulePath = System.getProperty("jdk.module.path", "");
        if (modulePath.isBlank()) {
            // everything on the class path (tests of modules that are not named, such as ebm-spark's)
            cmd.add("--class-path");
            cmd.add(System.getProperty("java.class.path", ""));
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
                // the fused kernels need it: without it a child computes through the reference ops (other bits)
                cmd.add("--add-modules");
                cmd.add("jdk.incubator.vector");
            }
            if (Runtime.version().feature() >= 24) {
                cmd.add("--enable-native-access=ALL-UNNAMED");
                cmd.add("--sun-misc-unsafe-memory-access=allow");
            }
            cmd.add("dev.ebm.runner.Main");
            return new ChildLauncher(cmd, Map.of());
        }
        cmd.add("--module-path");
        cmd.add(modulePath);
        cmd.add("--class-path");
        cmd.add(System.getProperty("java.class.path", ""));
        cmd.add("--add-modules");
        cmd.add("ALL-DEFAULT,ALL-MODULE-PATH,jdk.incubator.vector");
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getName().startsWith("dev.ebm.")) {
                cmd.add("--add-reads");
                cmd.add(m.getName() + "=ALL-UNNAMED");
            }
        }
        if (Runtime.version().feature() >= 24) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-m");
        cmd.add("dev.ebm.runner/dev.ebm.runner.Main");
        return new ChildLauncher(cmd, Map.of());
    }

    /** The same launcher with more environment variables for its children. */
    public ChildLauncher withEnv(Map<String, String> more) {
        var all = new HashMap<>(env);
        all.putAll(more);
        return new ChildLauncher(prefix, all);
    }

    /**
     * {@code bin/ebm args...} with {@code threads} native threads, its output appended to {@code console}. The
     * child does not inherit {@code EBM_REBUILD}, nor {@code EBM_ENGINE}: a run is trained by the plain launcher,
     * without an engine's jars.
     */
    public ChildCommand command(List<String> args, int threads, Path console) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        Map<String, String> all = new HashMap<>(env);
        all.put("EBM_THREADS", Integer.toString(threads));
        all.put("OMP_NUM_THREADS", Integer.toString(threads));
        return new ChildCommand(cmd, all, List.of("EBM_REBUILD", "EBM_ENGINE"), console.toAbsolutePath().toString());
    }
}
