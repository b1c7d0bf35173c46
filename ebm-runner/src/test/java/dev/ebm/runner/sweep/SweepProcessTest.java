package dev.ebm.runner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.Cli;
import dev.ebm.runner.spec.SpecLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sweeps of tiny runs in child processes: runs finish, a failing run is reported while the others finish, a
 * second invocation skips finished runs and resumes unfinished ones, the directory lock refuses a second sweep,
 * and stopping a sweep stops its children.
 */
class SweepProcessTest {
    /** Small child JVMs: the machine is shared. */
    static final List<String> CHILD_JVM = List.of("-Xmx768m", "-Dorg.bytedeco.javacpp.maxbytes=2G",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G", "-XX:TieredStopAtLevel=1");
    static final String BASE = """
            base:
              name: tiny
              data: {type: eight-gaussians}
              energy: {type: mlp, hidden: [8]}
              negatives: {type: replay-buffer, capacity: 100, reinit: 0.05}
              sampler: {type: langevin, steps: 3, epsilon: 0.1}
              objective: [{type: ml}, {type: energy-l2, weight: 0.1}]
              optimizer: {type: adam, lr: 1.0e-2}
              train: {steps: 4, batch: 16, logEvery: 1, checkpointEvery: 2, sampleEvery: 1000, evalGrid: 30,
                      evalPoints: 300}
            """;
    private final ObjectMapper json = new ObjectMapper();

    /** Runs {@code bin/ebm args} in this JVM with children started by {@code launcher} (a script). */
    static Cli.Result ebm(Path launcher, String... args) {
        String before = System.getProperty(ChildLauncher.LAUNCHER_PROPERTY);
        try {
            System.setProperty(ChildLauncher.LAUNCHER_PROPERTY, launcher.toString());
            return Cli.run(args);
        } finally {
            if (before == null) {
                System.clearProperty(ChildLauncher.LAUNCHER_PROPERTY);
            } else {
                System.setProperty(ChildLauncher.LAUNCHER_PROPERTY, before);
            }
        }
    }

    /** A launcher script like bin/ebm, on this JVM's module path and class path. */
    static Path launcherScript(Path dir) throws IOException {
        String cmd = ChildLauncher.currentJvm(CHILD_JVM).prefix().stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path script = dir.resolve("ebm-test-launcher");
        Files.writeString(script, "#!/bin/sh\nexec " + cmd + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private JsonNode run(JsonNode status, String dir) {
        for (JsonNode r : status.path("runs")) {
            if (r.path("dir").asText().equals(dir)) {
                return r;
            }
        }
        throw new AssertionError("no run " + dir + " in " + status);
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void failuresAreReportedWhileTheOthersFinishAndASecondSweepSkipsAndResumes(@TempDir Path tmp) throws Exception {
        Path launcher = launcherScript(tmp);
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, BASE + """
                cases:
                  a: {}
                  b: {"sampler.epsilon": 0.05}
                  bad: {"train.maxEnergy": 1.0e-9}
                seeds: [1]
                """);
        Path dir = tmp.resolve("out");
        Cli.Result first = ebm(launcher, "sweep", file.toString(), "--out", dir.toString(), "--workers", "2");
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(5);
        JsonNode status = json.readTree(dir.resolve("sweep.json").toFile());
        assertThat(status.path("counts").toString()).isEqualTo("{\"done\":2,\"failed\":1,\"running\":0,\"pending\":0}");
        assertThat(run(status, "runs/a-seed1").path("state").asText()).isEqualTo("done");
        assertThat(run(status, "runs/a-seed1").path("wall_s").asDouble()).isPositive();
        JsonNode bad = run(status, "runs/bad-seed1");
        assertThat(bad.path("state").asText()).isEqualTo("failed");
        assertThat(bad.path("error").asText()).startsWith("exit 3: ").contains("exceeds train.maxEnergy");
        assertThat(first.out()).contains("FAILED runs/bad-seed1: exit 3").contains("2 done, 1 failed");
        assertThat(dir.resolve(SweepLock.FILE)).doesNotExist();
        assertThat(Files.readString(dir.resolve("sweep.yaml"))).contains("capacity: 100").contains("bad:");

        Path a = dir.resolve("runs").resolve("a-seed1");
        assertThat(Files.readString(a.resolve("console.log"))).contains("train 4/4 (100%)").contains("eval: nll");
        assertThat(Files.readString(a.resolve("run.log"))).contains("Checkpoints - checkpoint written");
        SpecLoader loader = new SpecLoader(PluginRegistry.load());
        assertThat(loader.load(a.resolve("spec.resolved.yaml"), List.of()).seed()).isEqualTo(1L);
        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("a,1,0,");
        assertThat(csv.get(3)).startsWith("bad,0,1,,");
        double klA = json.readTree(a.resolve("eval.json").toFile()).get("kl").asDouble();
        List<String> head = List.of(csv.get(0).split(","));
        assertThat(Double.parseDouble(csv.get(1).split(",")[head.indexOf("kl_mean")])).isEqualTo(klA);
        assertThat(dir.resolve("plots").resolve("kl.png")).isNotEmptyFile();
        assertThat(dir.resolve("summary.md")).content().contains("| a | 1 | 0 |").contains("| bad | 0 | 1 |");

        // b is cut back to its step-2 checkpoint; a is finished and must be left alone
        Path b = dir.resolve("runs").resolve("b-seed1");
        ObjectNode evalB = (ObjectNode) json.readTree(b.resolve("eval.json").toFile());
        Files.delete(b.resolve("eval.json"));
        try (var s = Files.walk(b.resolve("checkpoints").resolve("step-4"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        FileTime aTime = Files.getLastModifiedTime(a.resolve("eval.json"));
        double wallB = run(status, "runs/b-seed1").path("wall_s").asDouble();

        Cli.Result second = ebm(launcher, "sweep", file.toString(), "--out", dir.toString(), "--workers", "2");
        assertThat(second.code()).as(second.out() + second.err()).isEqualTo(5);
        assertThat(Files.getLastModifiedTime(a.resolve("eval.json"))).isEqualTo(aTime);
        assertThat(count(Files.readString(a.resolve("console.log")), "sweep child:")).isEqualTo(1);
        String consoleB = Files.readString(b.resolve("console.log"));
        assertThat(count(consoleB, "sweep child:")).isEqualTo(2);
        assertThat(consoleB).contains("resuming from checkpoints/step-2 (step 2)");
        ObjectNode againB = (ObjectNode) json.readTree(b.resolve("eval.json").toFile());
        evalB.remove(List.of("train_wall_s", "train_cpu_s"));
        againB.remove(List.of("train_wall_s", "train_cpu_s"));
        assertThat(againB).as("a resumed run ends where the uninterrupted one did").isEqualTo(evalB);
        JsonNode status2 = json.readTree(dir.resolve("sweep.json").toFile());
        assertThat(run(status2, "runs/b-seed1").path("state").asText()).isEqualTo("done");
        assertThat(run(status2, "runs/b-seed1").path("wall_s").asDouble()).isGreaterThan(wallB);
        assertThat(run(status2, "runs/a-seed1").path("wall_s").asDouble())
                .isEqualTo(run(status, "runs/a-seed1").path("wall_s").asDouble());
        assertThat(run(status2, "runs/bad-seed1").path("state").asText()).isEqualTo("failed");

        // another process holds the lock: refused, naming it; when it dies, the lock is free again
        Path holder = tmp.resolve("LockHolder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class LockHolder {
                    public static void main(String[] a) throws Exception {
                        FileChannel ch = FileChannel.open(Path.of(a[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.READ, StandardOpenOption.WRITE);
                        var lock = ch.tryLock();
                        ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\\n").getBytes()), 0);
                        System.out.println(lock != null ? "locked" : "busy");
                        System.out.flush();
                        Thread.sleep(600_000);
                    }
                }
                """);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                holder.toString(), dir.resolve(SweepLock.FILE).toString()).redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).isEqualTo("locked");
            Cli.Result busy = ebm(launcher, "sweep", file.toString(), "--out", dir.toString());
            assertThat(busy.code()).isEqualTo(6);
            assertThat(busy.err()).contains("another sweep is running in " + dir + " (pid " + p.pid() + ")");
            assertThat(json.readTree(dir.resolve("sweep.json").toFile())).as("untouched").isEqualTo(status2);
        } finally {
            p.destroyForcibly().waitFor();
        }
        SweepLock.acquire(dir).close();
    }

    @Test
    void aSecondSweepInThisProcessIsRefusedToo(@TempDir Path tmp) {
        try (SweepLock lock = SweepLock.acquire(tmp)) {
            assertThatThrownBy(() -> SweepLock.acquire(tmp)).isInstanceOf(SweepLock.HeldException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(tmp.resolve(SweepLock.FILE)).doesNotExist();
    }

    @Test
    void stoppingASweepStopsItsChildrenAndLeavesTheirRunsPending(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("long.yaml");
        Files.writeString(file, BASE + "grid: {\"train.steps\": [100000]}\nseeds: [4]\n");
        SpecLoader loader = new SpecLoader(PluginRegistry.load());
        SweepFile sweep = SweepFile.read(file, loader.mapper());
        var runs = SweepPlan.expand(sweep).resolve(loader);
        Path dir = tmp.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SweepRunner runner = new SweepRunner(loader, new PrintStream(printed, true, StandardCharsets.UTF_8));
        SweepRunner.Result[] result = new SweepRunner.Result[1];
        Thread t = new Thread(() -> result[0] = runner.run(sweep, runs, new SweepRunner.Options(dir, 1, 1, null,
                ChildLauncher.currentJvm(CHILD_JVM))));
        t.start();
        Path metrics = dir.resolve("runs").resolve("base-seed4").resolve("metrics.jsonl");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (!(Files.exists(metrics) && Files.size(metrics) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(metrics).as("the child trains").isNotEmptyFile();
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        assertThat(children).isNotEmpty();
        t.interrupt();
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
        for (ProcessHandle c : children) {
            c.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(c.isAlive()).isFalse();
        }
        assertThat(result[0].pending()).isEqualTo(1);
        JsonNode r = run(json.readTree(dir.resolve("sweep.json").toFile()), "runs/base-seed4");
        assertThat(r.path("state").asText()).isEqualTo("pending");
        assertThat(r.path("error").asText()).startsWith("interrupted");
        assertThat(dir.resolve(SweepLock.FILE)).doesNotExist();
    }
}
