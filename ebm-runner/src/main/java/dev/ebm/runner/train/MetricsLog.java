package dev.ebm.runner.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.runner.io.DurableFiles;
import dev.ebm.runner.io.FaultInjection;
import dev.ebm.runner.io.OutputException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code metrics.jsonl}: one JSON object per logged step, flushed as written. */
public final class MetricsLog implements Closeable {
    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;
    private final Path file;

    /**
     * Opens the log for appending; on resume, lines whose step is after {@code keepThrough} are dropped first (a
     * run killed after its last checkpoint logged steps it will redo).
     */
    public MetricsLog(Path file, long keepThrough) {
        try {
            if (Files.exists(file)) {
                List<String> kept = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode n = json.readTree(line);
                        if (n.path("step").asLong(Long.MAX_VALUE) <= keepThrough) {
                            kept.add(line);
                        }
                    } catch (IOException e) {
                        // a line cut short by a kill: drop it
                    }
                }
                // replaced by a rename, so that a kill during the rewrite loses no line
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, kept, StandardCharsets.UTF_8);
                DurableFiles.rename(tmp, file);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new OutputException("cannot open " + file, e);
        }
        this.file = file;
    }

    public ObjectNode newLine() {
        return json.createObjectNode();
    }

    public void write(ObjectNode line) {
        try {
            FaultInjection.at(FaultInjection.Point.METRICS_WRITE, file);
            out.write(json.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new OutputException("cannot write " + file, e);
        }
    }

    /** Reads every line of a metrics file. */
    public static List<JsonNode> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
