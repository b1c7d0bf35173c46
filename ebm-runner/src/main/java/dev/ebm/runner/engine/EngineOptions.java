package dev.ebm.runner.engine;

/**
 * How to open an {@link EngineSession}.
 *
 * @param master where the engine runs, in the engine's own syntax (Spark: {@code local[N]}, {@code spark://HOST:PORT},
 *     {@code k8s://https://HOST:PORT}); null for the engine's default on this machine
 * @param threadsPerTask native threads each task uses (the engine reserves that many cores per task, so tasks ×
 *     threads never exceed the cores)
 * @param appName a name for the session, shown by the engine's tools
 */
public record EngineOptions(String master, int threadsPerTask, String appName) {
    public EngineOptions {
        if (threadsPerTask < 1) {
            throw new IllegalArgumentException("threads per task must be >= 1, found " + threadsPerTask);
        }
        if (master != null && master.isBlank()) {
            master = null;
        }
    }
}
