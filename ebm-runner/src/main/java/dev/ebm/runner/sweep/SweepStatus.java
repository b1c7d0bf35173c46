package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every run of a sweep, written to {@code sweep.json} (atomically, on every change) for tools that
 * read sweeps: {@code {"sweep", "dir", "updated", "workers", "threads", "counts": {state: n}, "runs": [{"case",
 * "seed", "dir", "state", "error", "wall_s"}]}}; a run's {@code dir} is relative to the sweep directory,
 * {@code error} is null unless failed, {@code wall_s} is the wall time of the run's processes summed over every
 * invocation of the sweep (null before it first ran). Thread-safe.
 */
public final class SweepStatus {
    /** The state of one run. */
    public enum State {
        DONE, FAILED, RUNNING, PENDING;

        public String id() {
            return name().toLowerCase();
        }
    }

    /** One run's entry. */
    public record Run(String caseName, long seed, String dir, State state, String error, Double wallS) {}

    private final Path file;
    private final String sweep;
    private final int workers;
    private final int threads;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    public SweepStatus(Path file, String sweep, int workers, int threads) {
        this.file = file;
        this.sweep = sweep;
        this.workers = workers;
        this.threads = threads;
    }

    /** Sets (or adds) a run's entry and rewrites the file. */
    public synchronized void put(Run run) {
        runs.put(run.dir(), run);
        write();
    }

    public synchronized Run get(String dir) {
        return runs.get(dir);
    }

    public synchronized List<Run> runs() {
        return List.copyOf(runs.values());
    }

    public synchronized Map<State, Integer> counts() {
        Map<State, Integer> c = new EnumMap<>(State.class);
        for (State s : State.values()) {
            c.put(s, 0);
        }
        runs.values().forEach(r -> c.merge(r.state(), 1, Integer::sum));
        return c;
    }

    /** Wall times by run directory from an earlier {@code sweep.json}, or an empty map when there is none. */
    public static Map<String, Double> previousWallTimes(Path file) {
        Map<String, Double> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (JsonNode r : new ObjectMapper().readTree(file.toFile()).path("runs")) {
                if (r.path("wall_s").isNumber()) {
                    out.put(r.path("dir").asText(), r.path("wall_s").asDouble());
                }
            }
        } catch (IOException e) {
            // an unreadable status file: wall times restart from zero
        }
        return out;
    }

    /** Writes {@code sweep.json} (through a temporary file and a rename). */
    public synchronized void write() {
        ObjectNode root = json.createObjectNode();
        root.put("sweep", sweep);
        root.put("dir", file.toAbsolutePath().getParent().toString());
        root.put("updated", Instant.now().toString());
        root.put("workers", workers);
        root.put("threads", threads);
        ObjectNode counts = root.putObject("counts");
        counts().forEach((s, n) -> counts.put(s.id(), n));
        ArrayNode list = root.putArray("runs");
        for (Run r : new ArrayList<>(runs.values())) {
            ObjectNode o = list.addObject();
            o.put("case", r.caseName());
            o.put("seed", r.seed());
            o.put("dir", r.dir());
            o.put("state", r.state().id());
            o.put("error", r.error());
            if (r.wallS() == null) {
                o.putNull("wall_s");
            } else {
                o.put("wall_s", r.wallS());
            }
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
