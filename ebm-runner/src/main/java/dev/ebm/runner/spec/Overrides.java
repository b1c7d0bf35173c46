package dev.ebm.runner.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ebm.api.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to a spec tree. Paths use dots and list indices
 * ({@code objective[1].weight}); values are parsed as YAML scalars or flow collections ({@code 0.5}, {@code true},
 * {@code [-1, 1]}, {@code {type: ml}}). Missing mappings along a path are created, so a misspelt key is caught by
 * the unknown-key check afterwards.
 */
public final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private Overrides() {}

    /** Applies every override to {@code root} in place; returns the problems (malformed paths or values). */
    public static List<SpecProblem> apply(ObjectNode root, List<String> sets, ObjectMapper yaml) {
        List<SpecProblem> problems = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                problems.add(new SpecProblem("--set " + set, "must be path=value, e.g. sampler.steps=20"));
                continue;
            }
            String path = set.substring(0, eq).trim();
            String raw = set.substring(eq + 1);
            JsonNode value;
            try {
                value = raw.isEmpty() ? TextNode.valueOf("") : yaml.readTree(raw);
                if (value == null || value.isMissingNode()) {
                    value = TextNode.valueOf(raw);
                }
            } catch (Exception e) {
                value = TextNode.valueOf(raw);
            }
            String problem = put(root, path, value);
            if (problem != null) {
                problems.add(new SpecProblem(path, problem + " (in --set " + set + ")"));
            }
        }
        return problems;
    }

    private static String put(ObjectNode root, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        JsonNode node = root;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                return "malformed path segment '" + segments[s] + "'";
            }
            String key = m.group(1);
            List<Integer> indices = new ArrayList<>();
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                indices.add(Integer.parseInt(im.group(1)));
            }
            if (!(node instanceof ObjectNode obj)) {
                return "'" + key + "' is under a value that is not a mapping";
            }
            boolean last = s == segments.length - 1;
            if (indices.isEmpty()) {
                if (last) {
                    obj.set(key, value);
                    return null;
                }
                JsonNode child = obj.get(key);
                if (child == null || child.isNull()) {
                    child = obj.putObject(key);
                }
                node = child;
                continue;
            }
            JsonNode child = obj.get(key);
            for (int k = 0; k < indices.size(); k++) {
                int i = indices.get(k);
                if (!(child instanceof ArrayNode arr)) {
                    return "'" + key + "' is not a list";
                }
                if (i >= arr.size()) {
                    return "index " + i + " is out of range: '" + key + "' has " + arr.size() + " entries";
                }
                if (last && k == indices.size() - 1) {
                    arr.set(i, value);
                    return null;
                }
                child = arr.get(i);
            }
            node = child;
        }
        return null;
    }
}
