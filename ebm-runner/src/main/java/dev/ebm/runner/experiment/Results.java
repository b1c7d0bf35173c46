package dev.ebm.runner.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.runner.chains.ChainMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code result.json} of one analysis on one model, and the small JSON helpers its writers share. A result is
 * reused when its {@code key} (the analysis as read, the experiment's seed, the model's run directory and
 * checkpoint step) equals the key of the analysis about to run; it is written last, atomically, so a result that
 * exists is complete.
 */
final class Results {
    static final String FILE = "result.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {}

    /** The key that decides whether a stored result can be reused. */
    static ObjectNode key(Analysis a, long seed, StudiedModel m) {
        ObjectNode k = a.toJson();
        k.put("experiment_seed", seed);
        k.put("run", m.runDir().toAbsolutePath().normalize().toString());
        k.put("checkpoint_step", m.step());
        return k;
    }

    /** The stored result in {@code dir} when its key is {@code key}, else null. */
    static ObjectNode reusable(Path dir, ObjectNode key) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            // compared as text: a long read back from JSON is an int node, which equals() tells apart
            return n instanceof ObjectNode o && o.has("key") && key.toString().equals(o.get("key").toString()) ? o
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code result} as {@code dir/result.json} through a temporary file and a rename. */
    static void write(Path dir, ObjectNode result) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), result);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** A stable stream number for an analysis name: every model and every vary value share its randomness. */
    static long stream(String name) {
        return name.hashCode() & 0x7fffffffL;
    }

    /** The sampler spec as JSON with its type. */
    static ObjectNode samplerJson(SamplerSpec sampler, PluginRegistry registry) {
        ObjectMapper m = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        registry.registerSpecTypes(m);
        ObjectNode node = m.valueToTree(sampler);
        node.put("type", registry.typeOf(sampler));
        return node;
    }

    static void ints(ArrayNode a, int[] v) {
        for (int x : v) {
            a.add(x);
        }
    }

    static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static void spread(ObjectNode o, ChainMetrics.Spread s) {
        number(o, "mean", s.mean());
        number(o, "std", s.std());
        number(o, "min", s.min());
        number(o, "max", s.max());
    }
}
