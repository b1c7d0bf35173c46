package dev.ebm.api.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a parsed spec tree to spec records and reports every problem at once: unknown {@code type} ids with the
 * known ones, unknown keys with the legal ones, values of the wrong type, and each record's own validation.
 *
 * <p>Spec records must use boxed types for their components (absent keys arrive as null and the compact
 * constructor fills the default), and their package must be open to {@code dev.ebm.api} and
 * {@code com.fasterxml.jackson.databind}.
 */
public final class SpecBinder {
    private final PluginRegistry registry;
    private final ObjectMapper leaves;

    public SpecBinder(PluginRegistry registry) {
        this.registry = registry;
        this.leaves = new ObjectMapper()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The experiment spec of a whole tree. */
    public ExperimentSpec bind(JsonNode root) {
        return bind(root, ExperimentSpec.class);
    }

    /** A spec record (or a kind's spec interface, resolved by {@code type}) from a tree. */
    public <T> T bind(JsonNode node, Class<T> type) {
        List<SpecProblem> problems = new ArrayList<>();
        Object value = bindValue(node, type, "", problems);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return type.cast(value);
    }

    private Object bindValue(JsonNode node, Type type, String path, List<SpecProblem> problems) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = rawClass(type);
        Kind kind = Kind.ofSpecInterface(raw);
        if (kind != null) {
            return bindPolymorphic(node, kind, path, problems);
        }
        if (raw.isRecord()) {
            return bindRecord(node, raw, path, problems, false);
        }
        if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType pt) {
            Type element = pt.getActualTypeArguments()[0];
            if (isStructured(rawClass(element))) {
                if (!node.isArray()) {
                    problems.add(new SpecProblem(path, "must be a list, found " + describe(node)));
                    return null;
                }
                List<Object> out = new ArrayList<>();
                int before = problems.size();
                for (int i = 0; i < node.size(); i++) {
                    if (node.get(i).isNull()) {
                        problems.add(new SpecProblem(path + "[" + i + "]", "must be a mapping"
                                + (Kind.ofSpecInterface(rawClass(element)) != null ? " with a 'type'" : "")
                                + ", found null"));
                        continue;
                    }
                    out.add(bindValue(node.get(i), element, path + "[" + i + "]", problems));
                }
                return problems.size() == before ? out : null;
            }
        }
        return bindLeaf(node, type, path, problems);
    }

    private static boolean isStructured(Class<?> c) {
        return c.isRecord() || Kind.ofSpecInterface(c) != null;
    }

    private Object bindPolymorphic(JsonNode node, Kind kind, String path, List<SpecProblem> problems) {
        if (!node.isObject()) {
            problems.add(new SpecProblem(path, "must be a mapping with a 'type', found " + describe(node)));
            return null;
        }
        JsonNode typeNode = node.get("type");
        List<String> known = registry.types(kind);
        if (typeNode == null || !typeNode.isTextual()) {
            problems.add(new SpecProblem(join(path, "type"), "is required; known: " + known));
            return null;
        }
        Class<?> specClass = registry.specClass(kind, typeNode.asText());
        if (specClass == null) {
            problems.add(new SpecProblem(join(path, "type"), "unknown '" + typeNode.asText() + "'; known: " + known));
            return null;
        }
        return bindRecord(node, specClass, path, problems, true);
    }

    private Object bindRecord(JsonNode node, Class<?> recordClass, String path, List<SpecProblem> problems,
            boolean typed) {
        if (!node.isObject()) {
            problems.add(new SpecProblem(path, "must be a mapping, found " + describe(node)));
            return null;
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        Set<String> legal = new LinkedHashSet<>();
        if (typed) {
            legal.add("type");
        }
        for (RecordComponent rc : components) {
            legal.add(rc.getName());
        }
        int before = problems.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!legal.contains(key)) {
                problems.add(new SpecProblem(join(path, key), "unknown key; legal keys: " + legal));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            args[i] = bindValue(node.get(rc.getName()), rc.getGenericType(), join(path, rc.getName()), problems);
            if (args[i] == null && rc.getType().isPrimitive()) {
                problems.add(new SpecProblem(join(path, rc.getName()), "is required"));
            }
        }
        if (problems.size() != before) {
            return null;
        }
        try {
            Constructor<?> ctor = recordClass.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SpecException se) {
                se.under(path).problems().forEach(problems::add);
            } else {
                problems.add(new SpecProblem(path, String.valueOf(cause.getMessage())));
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct spec record " + recordClass.getName()
                    + " (is its package open to dev.ebm.api?)", e);
        }
    }

    private Object bindLeaf(JsonNode node, Type type, String path, List<SpecProblem> problems) {
        JavaType jt = leaves.getTypeFactory().constructType(type);
        if (jt.isTypeOrSubTypeOf(Number.class) && !(node.isNumber() || isNumericText(node))) {
            problems.add(new SpecProblem(path, "must be a number, found " + describe(node)));
            return null;
        }
        try {
            return leaves.convertValue(node, jt);
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(path, "must be " + expected(jt) + ", found " + describe(node)));
            return null;
        }
    }

    private static boolean isNumericText(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            Double.parseDouble(node.asText());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(JavaType jt) {
        if (jt.isTypeOrSubTypeOf(Integer.class) || jt.isTypeOrSubTypeOf(Long.class)) {
            return "an integer";
        }
        if (jt.isTypeOrSubTypeOf(Number.class)) {
            return "a number";
        }
        if (jt.isTypeOrSubTypeOf(Boolean.class)) {
            return "true or false";
        }
        if (jt.isCollectionLikeType()) {
            return "a list of " + expected(jt.getContentType());
        }
        if (jt.isTypeOrSubTypeOf(String.class)) {
            return "a string";
        }
        return "a " + jt.getRawClass().getSimpleName();
    }

    private static String describe(JsonNode node) {
        if (node.getNodeType() == JsonNodeType.STRING) {
            return "'" + node.asText() + "'";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
