package dev.ebm.runner.plugins;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.Provider;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the providers of every kind with {@link ServiceLoader}, keeping only those whose class passes a filter (a
 * plugin layer's ServiceLoader also sees the providers of its parent layers), and turning every error a provider
 * raises into a {@link PluginLoadException} with a readable reason.
 */
final class ServiceScan {
    private ServiceScan() {}

    /** One provider and its kind. */
    record Found(Kind kind, Provider<?, ?> provider) {}

    /**
     * The providers of every kind that {@code loaders} finds and {@code mine} accepts.
     *
     * @param loaders the ServiceLoader of each kind's service interface
     */
    static List<Found> scan(Function<Kind, ServiceLoader<? extends Provider<?, ?>>> loaders,
            Predicate<Class<?>> mine) throws PluginLoadException {
        List<Found> found = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Iterator<? extends ServiceLoader.Provider<? extends Provider<?, ?>>> it;
            try {
                it = loaders.apply(kind).stream().iterator();
                while (it.hasNext()) {
                    ServiceLoader.Provider<? extends Provider<?, ?>> p = it.next();
                    if (!mine.test(p.type())) {
                        continue;
                    }
                    Provider<?, ?> provider = p.get();
                    found.add(new Found(kind, provider));
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new PluginLoadException(kind.label() + " provider: " + reason(e));
            }
        }
        return found;
    }

    /** A one-line reason for an error ServiceLoader or a provider's constructor raised. */
    static String reason(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder();
        if (e instanceof ServiceConfigurationError) {
            String m = e.getMessage();
            // "dev.ebm.api.plugin.EnergyProvider: Provider x.Y could not be instantiated" -> "x.Y could not be ..."
            int colon = m == null ? -1 : m.indexOf(": ");
            sb.append(colon >= 0 ? m.substring(colon + 2).replaceFirst("^Provider ", "") : m);
            root = e.getCause();
        }
        while (root instanceof InvocationTargetException || root instanceof ExceptionInInitializerError
                && root.getCause() != null) {
            root = root.getCause();
        }
        if (root != null) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            if (root instanceof NoClassDefFoundError) {
                sb.append("missing class ").append(root.getMessage())
                        .append(" (a dependency that is not in the plugin directory?)");
            } else {
                sb.append(root.getClass().getSimpleName());
                if (root.getMessage() != null) {
                    sb.append(": ").append(root.getMessage());
                }
            }
        }
        return sb.toString();
    }
}
