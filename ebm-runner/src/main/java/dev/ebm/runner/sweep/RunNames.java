package dev.ebm.runner.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the runs of a sweep are named (docs/SWEEPS.md, "Naming"). A grid point is named {@code label=value} for each
 * grid path with more than one value, joined by {@code _}, in the grid's order. A path's label is its last segment
 * ({@code objective[0].ratio} → {@code ratio}), or as many trailing segments as tell it apart from the other grid
 * paths, varied or not ({@code sampler.steps} beside {@code train.steps} → {@code sampler.steps};
 * {@code objective[0].weight} beside {@code objective[1].weight} → {@code objective0.weight}). Index brackets are
 * dropped ({@code objective[0]} → {@code objective0}); in paths and values every other run of characters outside
 * {@code [A-Za-z0-9._=-]} becomes one {@code -} (removed at either end; lists and mappings are written as compact
 * JSON first, so {@code [16, 16]} → {@code 16-16}). A case named in {@code cases} keeps its name and comes first
 * ({@code CASE_label=value}); with neither cases nor varied paths the case is {@code base}. The run directory is
 * {@code NAME-seedN}.
 */
public final class RunNames {
    /** The case name when the sweep has neither cases nor varied grid paths. */
    public static final String BASE = "base";

    private RunNames() {}

    /**
     * The label of each path, in order: its shortest suffix of segments that is not also the suffix of as many
     * segments of another path.
     */
    public static Map<String, String> labels(List<String> paths) {
        List<List<String>> segments = new ArrayList<>();
        for (String p : paths) {
            List<String> s = new ArrayList<>();
            for (String seg : p.split("\\.")) {
                s.add(sanitise(seg.replace("[", "").replace("]", "")));
            }
            segments.add(s);
        }
        int[] depth = new int[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            depth[i] = 1;
            while (depth[i] < segments.get(i).size() && sharesSuffix(segments, i, depth[i])) {
                depth[i]++;
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            out.put(paths.get(i), suffix(segments.get(i), depth[i]));
        }
        return out;
    }

    /** The text of a value in a name: a scalar's text, or a list's or mapping's compact JSON, sanitised. */
    public static String value(JsonNode v) {
        return sanitise(v.isValueNode() ? v.asText() : v.toString());
    }

    /**
     * {@code s} with every run of characters outside {@code [A-Za-z0-9._=-]} replaced by one {@code -}, or removed
     * at either end ({@code [16, 16]} → {@code 16-16}, {@code -1} stays); {@code -} when nothing is left.
     */
    public static String sanitise(String s) {
        String t = s.replaceAll("^[^A-Za-z0-9._=-]+|[^A-Za-z0-9._=-]+$", "").replaceAll("[^A-Za-z0-9._=-]+", "-");
        return t.isEmpty() ? "-" : t;
    }

    /** The run directory name of a case and seed. */
    public static String dir(String caseName, long seed) {
        return caseName + "-seed" + seed;
    }

    private static boolean sharesSuffix(List<List<String>> segments, int i, int depth) {
        String mine = suffix(segments.get(i), depth);
        for (int j = 0; j < segments.size(); j++) {
            if (j != i && suffix(segments.get(j), depth).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String suffix(List<String> segs, int depth) {
        return String.join(".", segs.subList(segs.size() - Math.min(depth, segs.size()), segs.size()));
    }
}
