package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints under {@code checkpoints/step-N/}: one {@code .npy} per tensor, grouped by part
 * ({@code params/w0.npy}, {@code optimizer/m0.npy}, ...), plus {@code manifest.json}. A checkpoint is written into
 * a temporary directory and renamed into place, so a killed run leaves either a whole checkpoint or none.
 */
public final class Checkpoints {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Checkpoints.class);
    private static final String PREFIX = "step-";
    private final Path root;
    private final ObjectMapper json = new ObjectMapper();
    private final int keep;

    public Checkpoints(Path runDir, int keep) {
        this.root = runDir.resolve("checkpoints");
        this.keep = keep;
    }

    /** A checkpoint's contents: parts of named arrays, and free-form metadata. */
    public record Snapshot(long step, Map<String, Map<String, INDArray>> parts, ObjectNode meta) {}

    /** Writes a checkpoint atomically and prunes old ones, keeping the newest {@code keep}. */
    public Path save(Snapshot s) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempDirectory(root, ".tmp-" + PREFIX + s.step() + "-");
            ObjectNode manifest = json.createObjectNode();
            manifest.put("step", s.step());
            manifest.set("meta", s.meta());
            ObjectNode files = manifest.putObject("parts");
            for (var part : s.parts().entrySet()) {
                Path dir = Files.createDirectories(tmp.resolve(part.getKey()));
                var names = files.putArray(part.getKey());
                for (var e : part.getValue().entrySet()) {
                    File f = dir.resolve(e.getKey() + ".npy").toFile();
                    Nd4j.writeAsNumpy(e.getValue(), f);
                    names.add(e.getKey());
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("manifest.json").toFile(), manifest);
            Path dest = root.resolve(PREFIX + s.step());
            if (Files.exists(dest)) {
                deleteTree(dest);
            }
            try {
                Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dest);
            }
            prune();
            LOG.info("checkpoint written: {}", dest);
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint at step " + s.step() + " under " + root, e);
        }
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() {
        return list().stream().reduce((a, b) -> b);
    }

    /** Complete checkpoints, oldest first. */
    public List<Path> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.exists(p.resolve("manifest.json")))
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a checkpoint directory. */
    public Snapshot load(Path dir) {
        try {
            ObjectNode manifest = (ObjectNode) json.readTree(dir.resolve("manifest.json").toFile());
            Map<String, Map<String, INDArray>> parts = new LinkedHashMap<>();
            var fields = manifest.get("parts").fields();
            while (fields.hasNext()) {
                var part = fields.next();
                Map<String, INDArray> arrays = new LinkedHashMap<>();
                for (var name : part.getValue()) {
                    File f = dir.resolve(part.getKey()).resolve(name.asText() + ".npy").toFile();
                    arrays.put(name.asText(), Nd4j.createFromNpyFile(f));
                }
                parts.put(part.getKey(), arrays);
            }
            return new Snapshot(manifest.get("step").asLong(), parts, (ObjectNode) manifest.get("meta"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + dir, e);
        }
    }

    static long stepOf(Path p) {
        String n = p.getFileName().toString();
        try {
            return Long.parseLong(n.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(list());
        while (all.size() > keep) {
            deleteTree(all.remove(0));
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
