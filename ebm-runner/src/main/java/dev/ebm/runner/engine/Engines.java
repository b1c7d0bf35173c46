package dev.ebm.runner.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The engines on the class path, found with {@link ServiceLoader}; {@value #LOCAL} is built in. */
public final class Engines {
    /** The built-in engine: child processes on this machine. */
    public static final String LOCAL = "local";

    private Engines() {}

    /** Every engine provider found, by id; two providers with one id are refused, naming both classes. */
    public static Map<String, Engine> all() {
        Map<String, Engine> out = new TreeMap<>();
        for (Engine e : ServiceLoader.load(Engine.class)) {
            Engine before = out.putIfAbsent(e.id(), e);
            if (before != null) {
                throw new IllegalStateException("two engines with the id '" + e.id() + "': "
                        + before.getClass().getName() + " and " + e.getClass().getName());
            }
        }
        return out;
    }

    /** The ids that {@code --engine} accepts here: {@value #LOCAL} and the providers found. */
    public static List<String> known() {
        List<String> ids = new ArrayList<>();
        ids.add(LOCAL);
        ids.addAll(all().keySet());
        return ids;
    }

    /**
     * The engine {@code id}.
     *
     * @throws IllegalArgumentException when no provider has that id, naming the known ones and how {@code bin/ebm}
     *     puts an optional engine on the class path
     */
    public static Engine find(String id) {
        Engine e = all().get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown engine '" + id + "'; known here: " + known()
                    + (LOCAL.equals(id) ? "" : ". Optional engines are on the class path only when asked for: start "
                    + "bin/ebm with --engine " + id + " (or EBM_ENGINE=" + id + ") so that it adds the engine's "
                    + "jars (built by mvn package in ebm-" + id + "/)"));
        }
        return e;
    }
}
