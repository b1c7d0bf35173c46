package dev.ebm.api.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.traits.ChainStart;
import dev.ebm.api.traits.KernelTraits;
import dev.ebm.api.traits.TermRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The plugins available to a run, by kind and {@code type} id. ServiceLoader makes plugins available; the spec
 * chooses among them.
 */
public final class PluginRegistry {
    private final Map<Kind, Map<String, Provider<?, ?>>> byType;
    private final Map<Class<?>, Provider<?, ?>> bySpec;
    private final BiConsumer<Object, Object> afterCreate;

    private PluginRegistry() {
        this.byType = new EnumMap<>(Kind.class);
        this.bySpec = new java.util.HashMap<>();
        this.afterCreate = (spec, plugin) -> {};
        for (Kind k : Kind.values()) {
            byType.put(k, new TreeMap<>());
        }
    }

    private PluginRegistry(PluginRegistry base, BiConsumer<Object, Object> afterCreate) {
        this.byType = base.byType;
        this.bySpec = base.bySpec;
        this.afterCreate = afterCreate;
    }

    /**
     * A view of this registry (the same providers) that hands every plugin it {@linkplain #create creates} to
     * {@code afterCreate} with the spec it was made from, before returning it. The runner wires a run's services
     * into plugins this way (member injection); nested plugins created through {@link PluginContext#registry()}
     * pass through it too.
     */
    public PluginRegistry afterCreate(BiConsumer<Object, Object> afterCreate) {
        return new PluginRegistry(this, afterCreate);
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

    /**
     * Builds the plugin a spec describes.
     *
     * @throws SpecException when the provider finds the spec wrong (as it is)
     * @throws PluginException when the provider fails otherwise, naming its kind, type id and message
     */
    @SuppressWarnings("unchecked")
    public <S, T> T create(S spec, PluginContext context) {
        Provider<S, T> p = (Provider<S, T>) provider(spec);
        T made;
        try {
            made = p.create(spec, context);
        } catch (SpecException | PluginException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(kindOf(p), p.type(), e);
        }
        if (made == null) {
            throw new PluginException(kindOf(p), p.type(), "its provider " + p.getClass().getName()
                    + " returned null");
        }
        afterCreate.accept(spec, made);
        return made;
    }

    /** How the chains of the negative source {@code spec} describes start and persist, as its provider declares. */
    public ChainStart chainStart(NegativeSourceSpec spec) {
        NegativeSourceProvider p = (NegativeSourceProvider) provider(spec);
        return declared(p, () -> p.chainStart(spec));
    }

    /** The role of the objective term {@code spec} describes, as its provider declares. */
    public TermRole role(ObjectiveSpec spec) {
        ObjectiveProvider p = (ObjectiveProvider) provider(spec);
        return declared(p, () -> p.role(spec));
    }

    /** The traits of the sampler kernel {@code spec} describes, as its provider declares. */
    public KernelTraits kernelTraits(SamplerSpec spec) {
        SamplerProvider p = (SamplerProvider) provider(spec);
        return declared(p, () -> p.traits(spec, this));
    }

    private static <T> T declared(Provider<?, ?> p, java.util.function.Supplier<T> declaration) {
        T t;
        try {
            t = declaration.get();
        } catch (SpecException | PluginException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(kindOf(p), p.type(), e);
        }
        if (t == null) {
            throw new PluginException(kindOf(p), p.type(), "its provider " + p.getClass().getName()
                    + " declared null traits");
        }
        return t;
    }

    private Provider<?, ?> provider(Object spec) {
        Provider<?, ?> p = bySpec.get(spec.getClass());
        if (p == null) {
            throw new IllegalArgumentException("no provider for spec class " + spec.getClass().getName());
        }
        return p;
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
