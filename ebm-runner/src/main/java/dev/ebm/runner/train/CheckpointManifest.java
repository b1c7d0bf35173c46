package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code manifest.json} of a checkpoint: its format, step, free-form metadata, and for every array its part, its
 * name, its size in bytes and the SHA-256 of its {@code .npy} file, which lives at {@code PART/NAME.npy}.
 *
 * <pre>{@code
 * {"format": 1, "step": 12, "meta": {...},
 *  "parts": {"params": {"w0": {"bytes": 1152, "sha256": "9f86d0..."}, ...}, "optimizer": {...}}}
 * }</pre>
 *
 * Part and array names are plain names ({@value #NAME_RULE}): no separators, no {@code ..}, nothing absolute, so
 * a manifest received from someone else can only name files inside its own checkpoint.
 */
final class CheckpointManifest {
    static final String FILE = "manifest.json";
    static final int FORMAT = 1;
    static final String NAME_RULE = "letters, digits, '_', '.' and '-', not starting with '.'";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One array of the checkpoint. */
    record Entry(String part, String name, long bytes, String sha256) {
        String file() {
            return part + "/" + name + ".npy";
        }
    }

    /** A parsed manifest; {@code parts} lists every part, those without arrays too, in the manifest's order. */
    record Parsed(long step, ObjectNode meta, List<String> parts, List<Entry> entries) {}

    private CheckpointManifest() {}

    /** Whether a part or array name is a plain name that stays inside the checkpoint. */
    static boolean safeName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The manifest of a checkpoint whose arrays are {@code entries}, by part (a part may be empty). */
    static ObjectNode toJson(ObjectMapper json, long step, ObjectNode meta, Map<String, List<Entry>> byPart) {
        ObjectNode m = json.createObjectNode();
        m.put("format", FORMAT);
        m.put("step", step);
        m.set("meta", meta == null ? json.createObjectNode() : meta);
        ObjectNode parts = m.putObject("parts");
        byPart.forEach((name, entries) -> {
            ObjectNode part = parts.putObject(name);
            for (Entry e : entries) {
                ObjectNode a = part.putObject(e.name());
                a.put("bytes", e.bytes());
                a.put("sha256", e.sha256());
            }
        });
        return m;
    }

    /** Reads and checks the manifest of {@code dir}; the files it names are not opened here. */
    static Parsed read(ObjectMapper json, Path dir) {
        JsonNode m;
        try {
            m = json.readTree(Files.readAllBytes(dir.resolve(FILE)));
        } catch (NoSuchFileException e) {
            throw bad(dir, "is missing");
        } catch (IOException e) {
            throw bad(dir, "is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (m == null || !m.isObject()) {
            throw bad(dir, "is not a JSON object");
        }
        JsonNode format = m.get("format");
        if (format == null) {
            throw bad(dir, "has no 'format' (written by an older version, or damaged)");
        }
        if (!format.canConvertToInt() || format.asInt() != FORMAT) {
            throw bad(dir, "has format " + format + "; this version reads format " + FORMAT);
        }
        JsonNode step = m.get("step");
        if (step == null || !step.isIntegralNumber() || step.asLong() < 0) {
            throw bad(dir, "has no valid 'step', found " + step);
        }
        long named = Checkpoints.stepOf(dir);
        if (named >= 0 && named != step.asLong()) {
            throw bad(dir, "says step " + step.asLong() + ", but the directory is step-" + named);
        }
        JsonNode meta = m.get("meta");
        if (meta == null || !meta.isObject()) {
            throw bad(dir, "has no 'meta' object");
        }
        JsonNode parts = m.get("parts");
        if (parts == null || !parts.isObject() || parts.isEmpty()) {
            throw bad(dir, "has no 'parts' object");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> part = it.next();
            String p = part.getKey();
            if (!safeName(p)) {
                throw bad(dir, "names part '" + p + "', which is not a plain name (" + NAME_RULE + "): refused, "
                        + "a checkpoint reads nothing outside its own directory");
            }
            if (!part.getValue().isObject()) {
                throw bad(dir, "has part '" + p + "' that is not an object of arrays");
            }
            names.add(p);
            for (Iterator<Map.Entry<String, JsonNode>> at = part.getValue().fields(); at.hasNext(); ) {
                Map.Entry<String, JsonNode> a = at.next();
                String name = a.getKey();
                if (!safeName(name)) {
                    throw bad(dir, "names array '" + name + "' in part '" + p + "', which is not a plain name ("
                            + NAME_RULE + "): refused, a checkpoint reads nothing outside its own directory");
                }
                JsonNode bytes = a.getValue().get("bytes");
                JsonNode sha = a.getValue().get("sha256");
                if (bytes == null || !bytes.isIntegralNumber() || bytes.asLong() < 0) {
                    throw bad(dir, "has no valid 'bytes' for " + p + "/" + name + ".npy, found " + bytes);
                }
                if (sha == null || !sha.isTextual() || !SHA256.matcher(sha.asText()).matches()) {
                    throw bad(dir, "has no valid 'sha256' for " + p + "/" + name + ".npy, found " + sha);
                }
                entries.add(new Entry(p, name, bytes.asLong(), sha.asText()));
            }
        }
        return new Parsed(step.asLong(), (ObjectNode) meta, List.copyOf(names), List.copyOf(entries));
    }

    private static CheckpointException bad(Path dir, String reason) {
        return new CheckpointException(dir, FILE, reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
