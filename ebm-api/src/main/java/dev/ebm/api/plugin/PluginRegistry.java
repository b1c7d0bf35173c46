package dev.ebm.api.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The plugins available to a run, by kind and {@code type} id. ServiceLoader makes plugins available; the spec
 * chooses among them.
 */
public final class PluginRegistry {
    private final Map<Kind, Map<String, Provider<?, ?>>> byType = new EnumMap<>(Kind.class);
    private final Map<Class<?>, Provider<?, ?>> bySpec = new java.util.HashMap<>();

    private PluginRegistry() {
        for (Kind k : Kind.values()) {
            byType.put(k, new TreeMap<>());
        }
    }

    /** Every provider visible to this module's ServiceLoader (module path and class path). */
    public static PluginRegistry load() {
        PluginRegistry r = new PluginRegistry();
        for (Kind k : Kind.values()) {
            for (Provider<?, ?> p : ServiceLoader.load(k.service(), PluginRegistry.class.getClassLoader())) {
                r.add(k, p);
            }
        }
        return r;
    }

    /** A registry of the given providers (tests, embedding). */
    public static PluginRegistry of(Collection<? extends Provider<?, ?>> providers) {
        PluginRegistry r = new PluginRegistry();
        for (Provider<?, ?> p : providers) {
            r.add(kindOf(p), p);
        }
        return r;
    }

    private static Kind kindOf(Provider<?, ?> p) {
        for (Kind k : Kind.values()) {
            if (k.service().isInstance(p)) {
                return k;
            }
        }
        throw new IllegalArgumentException(p.getClass().getName() + " implements no provider kind");
    }

    private void add(Kind kind, Provider<?, ?> p) {
        if (!kind.specInterface().isAssignableFrom(p.specType())) {
            throw new IllegalStateException("[Plugins/BadSpecType] " + p.getClass().getName() + " declares spec "
                    + p.specType().getName() + ", which does not implement " + kind.specInterface().getSimpleName());
        }
        Provider<?, ?> previous = byType.get(kind).putIfAbsent(p.type(), p);
        if (previous != null) {
            if (previous.getClass() == p.getClass()) {
                return; // the same provider seen twice (module path and META-INF/services)
            }
            throw new IllegalStateException("[Plugins/DuplicateType] two " + kind.label() + " providers have type '"
                    + p.type() + "': " + previous.getClass().getName() + " and " + p.getClass().getName());
        }
        Provider<?, ?> sameSpec = bySpec.putIfAbsent(p.specType(), p);
        if (sameSpec != null) {
            throw new IllegalStateException("[Plugins/DuplicateSpec] " + sameSpec.getClass().getName() + " and "
                    + p.getClass().getName() + " declare the same spec class " + p.specType().getName());
        }
    }

    /** The providers of one kind, by type id, sorted. */
    public Map<String, Provider<?, ?>> providers(Kind kind) {
        return java.util.Collections.unmodifiableMap(byType.get(kind));
    }

    /** The known type ids of one kind, sorted. */
    public List<String> types(Kind kind) {
        return new ArrayList<>(byType.get(kind).keySet());
    }

    /** The spec record class for a type id, or null if unknown. */
    public Class<?> specClass(Kind kind, String type) {
        Provider<?, ?> p = byType.get(kind).get(type);
        return p == null ? null : p.specType();
    }

    /** The type id of a spec record. */
    public String typeOf(Object spec) {
        Provider<?, ?> p = bySpec.get(spec.getClass());
        if (p == null) {
            throw new IllegalArgumentException("no provider for spec class " + spec.getClass().getName());
        }
        return p.type();
    }

    /** The allocations the provider of {@code spec} declares for it ({@link Provider#allocations}). */
    @SuppressWarnings("unchecked")
    public <S> List<Allocation> allocations(S spec, Sizing sizing) {
        Provider<S, ?> p = (Provider<S, ?>) bySpec.get(spec.getClass());
        if (p == null) {
            throw new IllegalArgumentException("no provider for spec class " + spec.getClass().getName());
        }
        return p.allocations(spec, sizing);
    }

    /** Builds the plugin a spec describes. */
    @SuppressWarnings("unchecked")
    public <S, T> T create(S spec, PluginContext context) {
        Provider<S, T> p = (Provider<S, T>) bySpec.get(spec.getClass());
        if (p == null) {
            throw new IllegalArgumentException("no provider for spec class " + spec.getClass().getName());
        }
        return p.create(spec, context);
    }

    /** Registers every provider's spec record as a named subtype, so specs serialise with their type ids. */
    public void registerSpecTypes(ObjectMapper mapper) {
        for (Map<String, Provider<?, ?>> m : byType.values()) {
            m.forEach((type, p) -> mapper.registerSubtypes(new NamedType(p.specType(), type)));
        }
    }

    /** Where each provider class was loaded from, for logs and provenance. */
    public static String location(Provider<?, ?> p) {
        var src = p.getClass().getProtectionDomain().getCodeSource();
        return src == null ? "?" : String.valueOf(src.getLocation());
    }

    /** A provider's version: its module's version, or its jar's Implementation-Version, or "dev". */
    public static String version(Provider<?, ?> p) {
        var mv = p.getClass().getModule().getDescriptor();
        if (mv != null && mv.version().isPresent()) {
            return mv.version().get().toString();
        }
        String v = p.getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
