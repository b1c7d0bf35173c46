package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Checkpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep finds in one run directory before it starts: finished ({@code eval.json} present, readable and at
 * the spec's last step), started (a spec and perhaps checkpoints: it resumes) or new; and whether the spec there is
 * the one the sweep would run.
 *
 * @param finished whether the run is finished
 * @param checkpointStep the step of the newest checkpoint, 0 when there is none
 * @param specMismatch a sentence saying how the directory's spec differs from the sweep's, or null
 */
public record RunDirState(boolean finished, long checkpointStep, String specMismatch) {

    /** Inspects {@code runDir} for a run of the resolved spec {@code yaml} with {@code steps} training steps. */
    public static RunDirState inspect(Path runDir, String yaml, long steps, SpecLoader loader) {
        Path spec = runDir.resolve("spec.resolved.yaml");
        String mismatch = null;
        if (Files.isRegularFile(spec)) {
            try {
                String there = loader.toYaml(loader.load(spec, List.of()));
                if (!there.equals(yaml)) {
                    mismatch = "its spec.resolved.yaml differs from the sweep's spec for it (" + firstDifference(there,
                            yaml) + ")";
                }
            } catch (SpecException e) {
                mismatch = "its spec.resolved.yaml does not load: " + e.problems();
            }
        }
        long step = 0;
        var latest = new Checkpoints(runDir, Integer.MAX_VALUE).latest();
        if (latest.isPresent()) {
            try {
                step = Long.parseLong(latest.get().getFileName().toString().replaceFirst("^step-", ""));
            } catch (NumberFormatException e) {
                step = 0;
            }
        }
        return new RunDirState(finished(runDir, steps), step, mismatch);
    }

    /** Whether {@code runDir/eval.json} exists, parses and records step {@code steps}. */
    public static boolean finished(Path runDir, long steps) {
        Path eval = runDir.resolve("eval.json");
        if (!Files.isRegularFile(eval)) {
            return false;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(eval.toFile());
            return n != null && n.path("step").asLong(-1) == steps;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last {@code n} non-blank lines of a text file (fewer when it is shorter; empty when missing). */
    public static List<String> tail(Path file, int n) {
        List<String> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0 && out.size() < n; i--) {
                    if (!lines.get(i).isBlank()) {
                        out.add(0, lines.get(i).strip());
                    }
                }
            }
        } catch (IOException e) {
            out.add("(cannot read " + file + ": " + e.getMessage() + ")");
        }
        return out;
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ": '" + x[i].strip() + "' there, '" + y[i].strip() + "' in the sweep";
            }
        }
        return "one is longer";
    }
}
