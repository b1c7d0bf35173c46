package dev.ebm.runner.sample;

import dev.ebm.runner.train.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code bin/ebm sample SOURCE} samples from: a spec file (its energy must need no training), a run directory
 * (its {@code spec.resolved.yaml} and latest checkpoint) or one checkpoint directory ({@code checkpoints/step-N}
 * of a run, with the run's spec).
 *
 * @param kind which of the three
 * @param path the path as given
 * @param spec the spec file to load
 * @param checkpoint the checkpoint directory to load parameters from, or null (a spec, or a run without one)
 */
public record SampleSource(Kind kind, Path path, Path spec, Path checkpoint) {

    /** The kinds of source. */
    public enum Kind {
        SPEC("spec"), RUN("run directory"), CHECKPOINT("checkpoint");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A SOURCE that is none of the three kinds, with a message saying what was found and what is expected. */
    public static final class InvalidSourceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSourceException(String message) {
            super(message);
        }
    }

    private static final String EXPECTED = "SOURCE must be a spec file (YAML or JSON), a run directory (with "
            + "spec.resolved.yaml and checkpoints/) or a checkpoint directory (checkpoints/step-N with manifest.json)";

    /** Classifies {@code path}; throws {@link InvalidSourceException} when it is none of the three. */
    public static SampleSource resolve(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidSourceException("no such file or directory: " + path + "; " + EXPECTED);
        }
        if (Files.isRegularFile(path)) {
            return new SampleSource(Kind.SPEC, path, path, null);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidSourceException(path + " is neither a file nor a directory; " + EXPECTED);
        }
        if (Files.exists(path.resolve("manifest.json"))) {
            Path run = path.toAbsolutePath().normalize().getParent();
            run = run == null ? null : run.getParent();
            Path spec = run == null ? null : run.resolve("spec.resolved.yaml");
            if (spec == null || !Files.isRegularFile(spec)) {
                throw new InvalidSourceException(path + " is a checkpoint, but its run directory has no "
                        + "spec.resolved.yaml (expected at " + spec + ")");
            }
            return new SampleSource(Kind.CHECKPOINT, path, spec, path);
        }
        Path spec = path.resolve("spec.resolved.yaml");
        if (Files.isRegularFile(spec)) {
            Path latest = new Checkpoints(path, Integer.MAX_VALUE).latest().orElse(null);
            return new SampleSource(Kind.RUN, path, spec, latest);
        }
        throw new InvalidSourceException(path + " is a directory without spec.resolved.yaml or manifest.json; "
                + EXPECTED);
    }
}
