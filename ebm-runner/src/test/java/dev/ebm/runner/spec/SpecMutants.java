package dev.ebm.runner.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of spec trees: wrong types and ranges, missing and unknown keys, unknown types, lists where
 * mappings belong and the reverse, nulls, huge numbers, empty strings.
 */
final class SpecMutants {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Random random;

    SpecMutants(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant of {@code spec} with one to three mutations, and a description of them. */
    ObjectNode mutate(ObjectNode spec, List<String> log) {
        ObjectNode copy = spec.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            List<JsonNode[]> places = new ArrayList<>();
            collect(copy, places);
            JsonNode[] place = places.get(random.nextInt(places.size()));
            log.add(mutateAt((JsonNode) place[0], place[1].asText(), place[2]));
        }
        return copy;
    }

    /** Every (container, key or index, value) below {@code node}. */
    private static void collect(JsonNode node, List<JsonNode[]> out) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(new JsonNode[] {obj, NODES.textNode(k), obj.get(k)});
                collect(obj.get(k), out);
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                out.add(new JsonNode[] {arr, NODES.textNode(String.valueOf(i)), arr.get(i)});
                collect(arr.get(i), out);
            }
        }
    }

    private String mutateAt(JsonNode container, String key, JsonNode value) {
        int op = random.nextInt(9);
        if (op == 0 && container instanceof ObjectNode obj) {
            obj.remove(key);
            return "remove " + key;
        }
        if (op == 1 && container instanceof ObjectNode obj) {
            String unknown = random.nextBoolean() ? key + "s" : "extra" + random.nextInt(100);
            obj.set(unknown, oddValue());
            return "add unknown key " + unknown;
        }
        if (op == 2 && "type".equals(key) && container instanceof ObjectNode obj) {
            String t = List.of("langvin", "", "mlp", "replay-buffer", "TYPE", "adam ").get(random.nextInt(6));
            obj.put("type", t);
            return "type '" + t + "'";
        }
        if (op == 3 && value.isObject()) {
            return set(container, key, NODES.arrayNode().add(value.deepCopy()), "list where a mapping belongs");
        }
        if (op == 4 && value.isArray()) {
            return set(container, key, value.isEmpty() ? NODES.objectNode() : value.get(0).deepCopy(),
                    "first entry where a list belongs");
        }
        if (op == 5 && value.isNumber()) {
            double[] factors = {-1, 0, 1e9, 1e-9, 1e300, 2.5};
            double f = factors[random.nextInt(factors.length)];
            return set(container, key, NODES.numberNode(value.asDouble() * f), "number × " + f);
        }
        if (op == 6 && value.isArray()) {
            ArrayNode arr = (ArrayNode) value;
            if (random.nextBoolean()) {
                arr.removeAll();
                return "empty list at " + key;
            }
            arr.add(oddValue());
            return "odd entry appended at " + key;
        }
        return set(container, key, oddValue(), "odd value");
    }

    private String set(JsonNode container, String key, JsonNode v, String what) {
        if (container instanceof ObjectNode obj) {
            obj.set(key, v);
        } else {
            ((ArrayNode) container).set(Integer.parseInt(key), v);
        }
        return what + " at " + key + ": " + v;
    }

    private JsonNode oddValue() {
        switch (random.nextInt(16)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.textNode("");
            case 2: return NODES.textNode("many");
            case 3: return NODES.numberNode(-1);
            case 4: return NODES.numberNode(0);
            case 5: return NODES.numberNode(2.5);
            case 6: return NODES.numberNode(new BigInteger("100000000000000000000000000000"));
            case 7: return NODES.numberNode(1e308);
            case 8: return NODES.numberNode(2147483648L);
            case 9: return NODES.booleanNode(true);
            case 10: return NODES.arrayNode();
            case 11: return NODES.arrayNode().add(1).add("two").addNull();
            case 12: return NODES.objectNode();
            case 13: return NODES.objectNode().put("type", "ml");
            case 14: return NODES.textNode("0.5");
            default: return NODES.numberNode(-1e-300);
        }
    }
}
