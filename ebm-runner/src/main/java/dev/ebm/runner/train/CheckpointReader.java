package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.runner.io.NpyCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads a checkpoint and trusts nothing in it: the manifest is checked ({@link CheckpointManifest}), every file it
 * names must lie inside the checkpoint (links leading out are refused), have the size and SHA-256 the manifest
 * records, and hold one whole {@code .npy} array, before ND4J parses it. Anything else is a
 * {@link CheckpointException} naming the file.
 */
final class CheckpointReader {
    private final ObjectMapper json = new ObjectMapper();

    Checkpoints.Snapshot read(Path dir) {
        CheckpointManifest.Parsed m = CheckpointManifest.read(json, dir);
        Path base;
        try {
            base = dir.toRealPath();
        } catch (IOException e) {
            throw new CheckpointException(dir, ".", "cannot be opened: " + e.getMessage());
        }
        Map<String, Map<String, INDArray>> parts = new LinkedHashMap<>();
        for (String p : m.parts()) {
            parts.put(p, new LinkedHashMap<>());
        }
        for (CheckpointManifest.Entry e : m.entries()) {
            parts.get(e.part()).put(e.name(), readArray(dir, base, e));
        }
        return new Checkpoints.Snapshot(m.step(), parts, m.meta());
    }

    private static INDArray readArray(Path dir, Path base, CheckpointManifest.Entry e) {
        Path f = dir.resolve(e.part()).resolve(e.name() + ".npy");
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new CheckpointException(dir, e.file(), "is missing (the manifest names it)");
        }
        byte[] bytes;
        try {
            Path real = f.toRealPath();
            if (!real.startsWith(base)) {
                throw new CheckpointException(dir, e.file(), "leads outside the checkpoint (to " + real
                        + "): refused, a checkpoint reads nothing outside its own directory");
            }
            if (!Files.isRegularFile(real)) {
                throw new CheckpointException(dir, e.file(), "is not a regular file");
            }
            long size = Files.size(real);
            if (size != e.bytes()) {
                throw new CheckpointException(dir, e.file(), "has " + size + " bytes; the manifest says "
                        + e.bytes() + (size < e.bytes() ? " (truncated)" : ""));
            }
            bytes = Files.readAllBytes(real);
        } catch (IOException ex) {
            throw new CheckpointException(dir, e.file(), "cannot be read: " + ex.getMessage());
        }
        if (!sha256(bytes).equals(e.sha256())) {
            throw new CheckpointException(dir, e.file(), "does not match its SHA-256 in the manifest (changed or "
                    + "damaged after it was written)");
        }
        String problem = NpyCheck.problem(bytes);
        if (problem != null) {
            throw new CheckpointException(dir, e.file(), problem);
        }
        return Nd4j.createNpyFromByteArray(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
