package dev.ebm.runner.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects flattened into dotted paths, for tables: {@code {"a": {"b": 1}}} gives {@code a.b → 1}. Arrays of
 * scalars stay whole (a class histogram is one value); arrays holding objects or arrays are entered with
 * {@code [i]}.
 */
public final class Flatten {
    private Flatten() {}

    /** The leaves of {@code node} in document order; a scalar or scalar array at the top is under the key "". */
    public static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        walk("", node, out);
        return out;
    }

    /** Whether {@code n} is an array of numbers only (and not empty). */
    public static boolean isNumberArray(JsonNode n) {
        if (n == null || !n.isArray() || n.isEmpty()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void walk(String prefix, JsonNode n, Map<String, JsonNode> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                walk(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray() && containsContainers(n)) {
            for (int i = 0; i < n.size(); i++) {
                walk(prefix + "[" + i + "]", n.get(i), out);
            }
        } else {
            out.put(prefix, n);
        }
    }

    private static boolean containsContainers(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
