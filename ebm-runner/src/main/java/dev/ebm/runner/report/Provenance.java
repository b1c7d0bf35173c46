package dev.ebm.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.api.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/** {@code provenance.json}: plugins and their versions, seed, git commit, JVM and native build of a run. */
public final class Provenance {
    private Provenance() {}

    public static void write(Path file, ExperimentSpec spec, PluginRegistry registry, List<String> args) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("seed", spec.seed());
        root.put("dtype", spec.dtype());
        root.putPOJO("command", args);
        root.put("git_commit", gitCommit());
        ObjectNode plugins = root.putObject("plugins");
        for (Kind k : Kind.values()) {
            ObjectNode kind = plugins.putObject(k.label());
            for (Provider<?, ?> p : registry.providers(k).values()) {
                ObjectNode n = kind.putObject(p.type());
                n.put("class", p.getClass().getName());
                n.put("version", PluginRegistry.version(p));
            }
        }
        ObjectNode jvm = root.putObject("jvm");
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        jvm.put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode nat = root.putObject("native");
        nat.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        nat.put("platform_extension", System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        nat.put("omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        nat.putPOJO("environment", Nd4j.getExecutioner().getEnvironmentInformation());
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new dev.ebm.runner.io.OutputException("cannot write " + file, e);
        }
    }

    /** The current git commit of the working directory, with "-dirty" if it has changes, or "unknown". */
    static String gitCommit() {
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head == null) {
                return "unknown";
            }
            String status = run("git", "status", "--porcelain", "--untracked-files=no");
            return status != null && !status.isBlank() ? head + "-dirty" : head;
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
