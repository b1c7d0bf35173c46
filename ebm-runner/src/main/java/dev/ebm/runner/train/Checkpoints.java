package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.runner.io.DurableFiles;
import dev.ebm.runner.io.FaultInjection;
import dev.ebm.runner.io.FaultInjection.Point;
import dev.ebm.runner.io.OutputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints under {@code checkpoints/step-N/}: one {@code .npy} per tensor, grouped by part
 * ({@code params/w0.npy}, {@code optimizer/m0.npy}, ...), plus {@code manifest.json} with each file's size and
 * SHA-256 ({@link CheckpointManifest}).
 *
 * <p>A checkpoint is written into a temporary directory, every file and the directory are synced to the device,
 * and only then is it renamed into place: a killed process or a crashed machine leaves either a whole checkpoint
 * or none. Old checkpoints are renamed away before they are deleted, so a half-deleted one is never taken for a
 * checkpoint. Reading verifies everything ({@link CheckpointReader}); a damaged checkpoint is a
 * {@link CheckpointException}, and {@link #resumePoint} falls back to the newest good one.
 */
public final class Checkpoints {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Checkpoints.class);
    private static final String PREFIX = "step-";
    private static final String DAMAGED = "damaged-";
    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    private final int keep;

    public Checkpoints(Path runDir, int keep) {
        this.root = runDir.resolve("checkpoints");
        this.keep = keep;
    }

    /** A checkpoint's contents: parts of named arrays, and free-form metadata. */
    public record Snapshot(long step, Map<String, Map<String, INDArray>> parts, ObjectNode meta) {}

    /** A checkpoint that was read and verified, and where it is. */
    public record Loaded(Path dir, Snapshot snapshot) {}

    /**
     * Writes a checkpoint durably and atomically and prunes old ones, keeping the newest {@code keep}.
     *
     * @throws OutputException when the checkpoint cannot be written (unwritable directory, full disk); the
     *     checkpoints written before are left intact
     */
    public Path save(Snapshot s) {
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, ".tmp-" + PREFIX + s.step() + "-");
            writeContents(tmp, s);
            FaultInjection.at(Point.CHECKPOINT_BEFORE_RENAME, tmp);
            Path dest = root.resolve(PREFIX + s.step());
            if (Files.exists(dest)) {
                DurableFiles.rename(dest, Files.createTempDirectory(root, ".del-" + PREFIX + s.step() + "-")
                        .resolve("old"));
            }
            DurableFiles.rename(tmp, dest);
            tmp = null;
            FaultInjection.at(Point.CHECKPOINT_AFTER_RENAME, dest);
            prune();
            LOG.info("checkpoint written: {}", dest);
            return dest;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    DurableFiles.deleteTree(tmp);
                } catch (IOException | UncheckedIOException ignored) {
                    // the disk may be full or gone; the next checkpoint's pruning removes what is left
                }
            }
            throw new OutputException("cannot write checkpoint " + PREFIX + s.step() + " under " + root, e);
        }
    }

    private void writeContents(Path tmp, Snapshot s) throws IOException {
        int total = s.parts().values().stream().mapToInt(Map::size).sum();
        int written = 0;
        Map<String, List<CheckpointManifest.Entry>> entries = new LinkedHashMap<>();
        for (var part : s.parts().entrySet()) {
            requireSafe(part.getKey());
            Path dir = Files.createDirectories(tmp.resolve(part.getKey()));
            List<CheckpointManifest.Entry> list = new ArrayList<>();
            for (var a : part.getValue().entrySet()) {
                requireSafe(a.getKey());
                byte[] bytes = Nd4j.toNpyByteArray(a.getValue());
                Path f = dir.resolve(a.getKey() + ".npy");
                DurableFiles.write(f, bytes, Point.CHECKPOINT_TORN_FILE);
                list.add(new CheckpointManifest.Entry(part.getKey(), a.getKey(), bytes.length,
                        CheckpointReader.sha256(bytes)));
                if (++written == (total + 1) / 2) {
                    FaultInjection.at(Point.CHECKPOINT_HALF_WRITTEN, f);
                }
            }
            entries.put(part.getKey(), list);
            DurableFiles.syncDirectory(dir);
        }
        FaultInjection.at(Point.CHECKPOINT_BEFORE_MANIFEST, tmp);
        ObjectNode manifest = CheckpointManifest.toJson(json, s.step(), s.meta(), entries);
        DurableFiles.write(tmp.resolve(CheckpointManifest.FILE), json.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(manifest), null);
        DurableFiles.syncDirectory(tmp);
    }

    private static void requireSafe(String name) {
        if (!CheckpointManifest.safeName(name)) {
            throw new IllegalArgumentException("checkpoint part or array name '" + name + "' is not a plain name ("
                    + CheckpointManifest.NAME_RULE + ")");
        }
    }

    /** The newest checkpoint directory with a manifest, if any (not yet verified: {@link #load} does that). */
    public Optional<Path> latest() {
        return list().stream().reduce((a, b) -> b);
    }

    /** Checkpoint directories with a manifest, oldest first. */
    public List<Path> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && stepOf(p) >= 0)
                    .filter(p -> Files.exists(p.resolve(CheckpointManifest.FILE)))
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and verifies a checkpoint directory.
     *
     * @throws CheckpointException naming the bad file, when anything in it is missing, damaged or unsafe
     */
    public Snapshot load(Path dir) {
        return new CheckpointReader().read(dir);
    }

    /**
     * The newest checkpoint that verifies; each damaged newer one is reported to {@code note} with its bad file.
     * Empty when there is no checkpoint at all.
     *
     * @throws CheckpointException when there are checkpoints but none verifies, naming each one's bad file
     */
    public Optional<Loaded> newestGood(Consumer<String> note) {
        return newestGood(note, false);
    }

    /**
     * As {@link #newestGood}, for a run that resumes and will write again: damaged checkpoints newer than the good
     * one are moved to {@code checkpoints/damaged-step-N} (kept for inspection, never read again).
     */
    public Optional<Loaded> resumePoint(Consumer<String> note) {
        return newestGood(note, true);
    }

    private Optional<Loaded> newestGood(Consumer<String> note, boolean setAside) {
        List<Path> all = new ArrayList<>(list());
        List<String> bad = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path dir = all.get(i);
            try {
                return Optional.of(new Loaded(dir, load(dir)));
            } catch (CheckpointException e) {
                bad.add(e.getMessage());
                String fallback = i > 0 ? "trying " + all.get(i - 1).getFileName() : "no older checkpoint";
                note.accept("damaged " + e.getMessage() + " - " + fallback + setAside(dir, setAside));
            }
        }
        if (!bad.isEmpty()) {
            throw new CheckpointException(root, "no usable checkpoint under " + root + ":\n  "
                    + String.join("\n  ", bad));
        }
        return Optional.empty();
    }

    private String setAside(Path dir, boolean setAside) {
        if (!setAside) {
            return "";
        }
        Path to = root.resolve(DAMAGED + dir.getFileName());
        for (int k = 2; Files.exists(to); k++) {
            to = root.resolve(DAMAGED + dir.getFileName() + "-" + k);
        }
        try {
            DurableFiles.rename(dir, to);
            return " (moved to " + root.relativize(to) + ")";
        } catch (IOException e) {
            throw new OutputException("cannot move the damaged checkpoint " + dir + " aside", e);
        }
    }

    /** The step of a {@code step-N} directory, or -1. */
    static long stepOf(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(n.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Deletes all but the newest {@code keep} checkpoints, each renamed away first, and leftover temporaries. */
    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(list());
        while (all.size() > keep) {
            Path old = all.remove(0);
            Path doomed = Files.createTempDirectory(root, ".del-" + old.getFileName() + "-").resolve("old");
            DurableFiles.rename(old, doomed);
            FaultInjection.at(Point.CHECKPOINT_PRUNING, doomed);
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")
                    || p.getFileName().toString().startsWith(".del-")).toList()) {
                DurableFiles.deleteTree(p);
            }
        }
    }
}
