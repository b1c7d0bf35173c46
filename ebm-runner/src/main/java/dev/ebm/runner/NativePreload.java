package dev.ebm.runner;

import java.util.Set;

/**
 * Loads ND4J's native library (libnd4jcpu with its OpenBLAS and oneDNN: some hundreds of megabytes to map and
 * relocate) on a background thread while the main thread parses the command line, builds the injector and reads
 * the spec, for the commands that will need it. Only the library is loaded here, through JavaCPP's loader, which
 * remembers it; ND4J's own initialisation later finds it loaded. A failure here is ignored: the main thread's load
 * then fails again and reports it.
 */
final class NativePreload {
    private static final Set<String> COMMANDS = Set.of("train", "sample", "bench", "eval", "sweep");
    private static final String BINDINGS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu";

    private NativePreload() {}

    static void start(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Class<?> bindings = Class.forName(BINDINGS, false, NativePreload.class.getClassLoader());
                org.bytedeco.javacpp.Loader.load(bindings);
            } catch (Throwable ignored) {
                // the main thread loads it again and reports what went wrong
            }
        }, "native-preload");
        t.setDaemon(true);
        t.start();
    }
}
