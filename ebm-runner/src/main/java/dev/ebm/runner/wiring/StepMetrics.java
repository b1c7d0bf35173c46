package dev.ebm.runner.wiring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.run.MetricsSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link MetricsSink} of a training run: values plugins record during a step are kept until the trainer
 * {@linkplain #drainInto drains} them into that step's metrics line.
 */
public final class StepMetrics implements MetricsSink {
    /** The fields the runner writes itself. */
    public static final Set<String> RESERVED = Set.of("step", "loss", "e_pos", "e_neg", "grad_norm", "accept_rate",
            "wall_s", "terms");
    private final Map<String, Double> values = new LinkedHashMap<>();

    @Override
    public synchronized void record(String name, double value) {
        if (name == null || !name.matches("[a-z][a-z0-9_.:@=-]*")) {
            throw new IllegalArgumentException("metric name must start with a lower-case letter and use only a-z, "
                    + "0-9 and _ . : @ = -, found '" + name + "'");
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("metric name '" + name + "' is one of the runner's own fields "
                    + RESERVED);
        }
        values.put(name, value);
    }

    /** Adds the step's recorded values to {@code line} (without replacing the runner's fields) and forgets them. */
    public synchronized void drainInto(ObjectNode line) {
        values.forEach((k, v) -> {
            if (!line.has(k)) {
                line.put(k, v);
            }
        });
        values.clear();
    }

    /** The values recorded since the last drain (tests). */
    public synchronized Map<String, Double> pending() {
        return Map.copyOf(values);
    }
}
