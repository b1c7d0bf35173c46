package dev.ebm.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged checkpoints are detected before anything is loaded: resume falls back to the newest good one and says
 * which file was bad, or stops naming every bad file; names that would leave the checkpoint are refused.
 */
class CheckpointIntegrityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path shared;
    private static Path straight;
    private static Map<String, byte[]> finalFiles;

    @BeforeAll
    static void trainOnce() throws IOException {
        straight = shared.resolve("straight");
        TinyRun.train(TinyRun.spec(), straight, false);
        finalFiles = TinyRun.files(straight.resolve("checkpoints/step-8"));
    }

    /** A copy of the uninterrupted run (checkpoints 4, 6, 8), to damage. */
    private static Path copyRun(Path tmp) throws IOException {
        Path run = tmp.resolve("run");
        TinyRun.copy(straight, run);
        return run;
    }

    private static void assertResumedEqualsStraight(Path run) throws IOException {
        assertThat(TinyRun.files(run.resolve("checkpoints/step-8"))).containsOnlyKeys(finalFiles.keySet());
        TinyRun.files(run.resolve("checkpoints/step-8")).forEach((name, bytes) ->
                assertThat(bytes).as(name).isEqualTo(finalFiles.get(name)));
        assertThat(TinyRun.metricsWithoutTiming(run)).isEqualTo(TinyRun.metricsWithoutTiming(straight));
    }

    @Test
    void aTruncatedArrayInTheNewestCheckpointFallsBackToThePreviousOneAndNamesTheFile(@TempDir Path tmp)
            throws IOException {
        Path run = copyRun(tmp);
        Path w = run.resolve("checkpoints/step-8/params/w0.npy");
        long size = Files.size(w);
        Files.write(w, java.util.Arrays.copyOf(Files.readAllBytes(w), (int) size - 7));

        String log = TinyRun.train(TinyRun.spec(), run, true);

        assertThat(log).contains("damaged checkpoint " + run.resolve("checkpoints/step-8") + ": params/w0.npy has "
                + (size - 7) + " bytes; the manifest says " + size + " (truncated) - trying step-6 (moved to "
                + "damaged-step-8)").contains("resuming from checkpoints/step-6 (step 6)");
        assertThat(run.resolve("checkpoints/damaged-step-8/params/w0.npy")).hasSize(size - 7);
        assertResumedEqualsStraight(run);
    }

    @Test
    void aBrokenManifestIsNamedAndSkipped(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Path m = run.resolve("checkpoints/step-8/manifest.json");
        Files.writeString(m, Files.readString(m).substring(0, 40));
        String log = TinyRun.train(TinyRun.spec(), run, true);
        assertThat(log).contains("step-8: manifest.json is not valid JSON").contains("resuming from checkpoints/step-6");
        assertResumedEqualsStraight(run);
    }

    @Test
    void manifestsWithMissingFieldsAreRefusedNamingTheField(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Checkpoints cps = new Checkpoints(run, 3);
        Path dir = run.resolve("checkpoints/step-8");
        ObjectNode good = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());

        ObjectNode noFormat = good.deepCopy();
        noFormat.remove("format");
        assertRefused(cps, dir, noFormat, "manifest.json has no 'format' (written by an older version, or damaged)");
        ObjectNode noSha = good.deepCopy();
        ((ObjectNode) noSha.get("parts").get("params").get("w0")).remove("sha256");
        assertRefused(cps, dir, noSha, "manifest.json has no valid 'sha256' for params/w0.npy, found null");
        ObjectNode wrongStep = good.deepCopy();
        wrongStep.put("step", 6);
        assertRefused(cps, dir, wrongStep, "manifest.json says step 6, but the directory is step-8");
        ObjectNode noParts = good.deepCopy();
        noParts.remove("parts");
        assertRefused(cps, dir, noParts, "manifest.json has no 'parts' object");
    }

    @Test
    void aFileTheManifestNamesButThatIsMissingIsNamed(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Path dir = run.resolve("checkpoints/step-8");
        Files.delete(dir.resolve("optimizer").resolve(firstArray(dir, "optimizer") + ".npy"));
        assertThatThrownBy(() -> new Checkpoints(run, 3).load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint " + dir + ": optimizer/" + firstArray(dir, "optimizer")
                        + ".npy is missing (the manifest names it)");
    }

    @Test
    void aFlippedByteFailsTheChecksum(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Path dir = run.resolve("checkpoints/step-8");
        Path f = dir.resolve("negatives/samples.npy");
        byte[] b = Files.readAllBytes(f);
        b[b.length - 3] ^= 0x10;
        Files.write(f, b);
        assertThatThrownBy(() -> new Checkpoints(run, 3).load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageEndingWith("negatives/samples.npy does not match its SHA-256 in the manifest (changed or "
                        + "damaged after it was written)");
    }

    @Test
    void whenEveryCheckpointIsDamagedResumeStopsNamingEachBadFile(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        for (int step : new int[] {4, 6, 8}) {
            Files.writeString(run.resolve("checkpoints/step-" + step + "/manifest.json"), "{");
        }
        assertThatThrownBy(() -> TinyRun.train(TinyRun.spec(), run, true)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no usable checkpoint under " + run.resolve("checkpoints"))
                .hasMessageContaining("step-4: manifest.json is not valid JSON")
                .hasMessageContaining("step-6: manifest.json is not valid JSON")
                .hasMessageContaining("step-8: manifest.json is not valid JSON");
    }

    @Test
    void namesThatWouldLeaveTheCheckpointAreRefusedBeforeAnyFileIsOpened(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Checkpoints cps = new Checkpoints(run, 3);
        Path dir = run.resolve("checkpoints/step-8");
        ObjectNode good = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        for (String evil : new String[] {"..", "../../secret", "/etc/passwd", "a/b", "a\\b", ".hidden"}) {
            ObjectNode part = good.deepCopy();
            ((ObjectNode) part.get("parts")).set(evil, part.get("parts").get("params"));
            assertRefused(cps, dir, part, "manifest.json names part '" + evil + "', which is not a plain name");
            ObjectNode array = good.deepCopy();
            ((ObjectNode) array.get("parts").get("params")).set(evil, array.get("parts").get("params").get("w0"));
            assertRefused(cps, dir, array, "manifest.json names array '" + evil + "' in part 'params', which is "
                    + "not a plain name");
        }
    }

    @Test
    void aLinkLeadingOutOfTheCheckpointIsRefusedEvenWithAMatchingChecksum(@TempDir Path tmp) throws IOException {
        Path run = copyRun(tmp);
        Path dir = run.resolve("checkpoints/step-8");
        Path outside = tmp.resolve("outside.npy");
        Path w = dir.resolve("params/w0.npy");
        Files.move(w, outside);
        Files.createSymbolicLink(w, outside);
        assertThatThrownBy(() -> new Checkpoints(run, 3).load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("params/w0.npy leads outside the checkpoint (to " + outside.toRealPath() + ")");
    }

    private static String firstArray(Path dir, String part) throws IOException {
        return JSON.readTree(dir.resolve("manifest.json").toFile()).get("parts").get(part).fieldNames().next();
    }

    private static void assertRefused(Checkpoints cps, Path dir, ObjectNode manifest, String message)
            throws IOException {
        Path m = dir.resolve("manifest.json");
        byte[] original = Files.readAllBytes(m);
        try {
            JSON.writeValue(m.toFile(), manifest);
            assertThatThrownBy(() -> cps.load(dir)).isInstanceOf(CheckpointException.class)
                    .hasMessageStartingWith("checkpoint " + dir + ": " + message);
        } finally {
            Files.write(m, original);
        }
    }
}
