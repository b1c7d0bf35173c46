package dev.ebm.spark;

import dev.ebm.runner.Main;
import dev.ebm.runner.RunnerWiring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs {@code bin/ebm} command lines in the test JVM (capturing exit code, output and error), with sweep runs started
 * through a launcher script on this JVM's class path with small child JVMs.
 */
final class Ebm {
    /** Small child JVMs: the machine is shared. */
    static final List<String> CHILD_JVM = List.of("-Xmx768m", "-Dorg.bytedeco.javacpp.maxbytes=2G",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=3G", "-XX:TieredStopAtLevel=1");

    private Ebm() {}

    record Result(int code, String out, String err) {}

    /** A launcher script like bin/ebm: {@code java} on this JVM's class path. */
    static Path launcher(Path dir) throws IOException {
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CHILD_JVM);
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
        if (ext != null) {
            cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + ext);
        }
        cmd.addAll(List.of("--class-path", cp, "dev.ebm.runner.Main"));
        String line = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path script = dir.resolve("ebm-test-launcher");
        Files.writeString(script, "#!/bin/sh\nexec " + line + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** {@code bin/ebm args...} in this JVM, sweep children started by {@code launcher}. */
    static synchronized Result run(Path launcher, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        String before = System.getProperty("ebm.launcher");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setProperty("ebm.launcher", launcher.toString());
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(new RunnerWiring(), args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (before == null) {
                System.clearProperty("ebm.launcher");
            } else {
                System.setProperty("ebm.launcher", before);
            }
        }
    }
}
