package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one mapping of an experiment file that collect problems instead of throwing: each names the path
 * ({@code prefix.key}), the value found and what is legal.
 */
final class Fields {
    private final ObjectNode node;
    private final List<SpecProblem> problems;
    private final String prefix;

    Fields(ObjectNode node, List<SpecProblem> problems) {
        this(node, problems, "");
    }

    Fields(ObjectNode node, List<SpecProblem> problems, String prefix) {
        this.node = node;
        this.problems = problems;
        this.prefix = prefix;
    }

    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    void fail(String key, String message) {
        problems.add(new SpecProblem(path(key), message));
    }

    /** Reports every key not in {@code keys}. */
    void known(List<String> keys, String what) {
        node.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                fail(k, "unknown key" + what + "; legal keys: " + keys);
            }
        });
    }

    JsonNode get(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    String text(String key, String fallback) {
        JsonNode v = get(key);
        if (v == null) {
            if (fallback == null) {
                fail(key, "is required");
            }
            return fallback;
        }
        if (!v.isTextual() && !v.isNumber()) {
            fail(key, "must be text, found " + v);
            return fallback;
        }
        return v.asText();
    }

    long integer(String key, long fallback, long min, long max) {
        JsonNode v = get(key);
        if (v == null) {
            if (fallback == Long.MIN_VALUE) {
                fail(key, "is required");
            }
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            fail(key, "must be an integer, found " + v);
            return fallback;
        }
        long x = v.asLong();
        if (x < min || x > max) {
            fail(key, "must be in [" + min + ", " + (max == Long.MAX_VALUE ? "∞" : max) + "], found " + x);
        }
        return x;
    }

    /** An int field; {@code Integer.MIN_VALUE} as the fallback makes it required. */
    int integer(String key, int fallback, int min) {
        long x = integer(key, fallback == Integer.MIN_VALUE ? Long.MIN_VALUE : fallback, min, Integer.MAX_VALUE);
        return x == Long.MIN_VALUE ? 0 : (int) x;
    }

    /** A list of texts; empty when absent (a problem when {@code required}). */
    List<String> texts(String key, boolean required) {
        JsonNode v = get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            if (required) {
                fail(key, "is required (a non-empty list)");
            }
            return out;
        }
        if (!v.isArray() || (required && v.isEmpty())) {
            fail(key, "must be a " + (required ? "non-empty " : "") + "list, found " + v);
            return out;
        }
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    List<Integer> integers(String key) {
        JsonNode v = get(key);
        List<Integer> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            fail(key, "must be a list of integers, found " + v);
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isIntegralNumber() || e.asLong() < 0) {
                fail(key, "must be a list of integers >= 0, found " + v);
                return out;
            }
            out.add(e.asInt());
        }
        return out;
    }
}
