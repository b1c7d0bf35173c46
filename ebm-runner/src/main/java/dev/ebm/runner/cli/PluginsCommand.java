package dev.ebm.runner.cli;

import dev.ebm.api.plugin.Kind;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.Provider;
import dev.ebm.runner.engine.Engines;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists every plugin found, by kind, with its type id, version and location; then the engines. */
@Command(name = "plugins", description = "List the available plugins by kind.")
public final class PluginsCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Option(names = "--verbose", description = "Also print each provider's class and location.")
    boolean verbose;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        for (Kind kind : Kind.values()) {
            Map<String, Provider<?, ?>> providers = registry.providers(kind);
            System.out.println(kind.label() + ":");
            if (providers.isEmpty()) {
                System.out.println("  (none)");
            }
            providers.forEach((type, p) -> {
                System.out.printf("  %-18s %s%n", type, p.description());
                if (verbose) {
                    System.out.printf("  %-18s %s %s (%s)%n", "", p.getClass().getName(), PluginRegistry.version(p),
                            PluginRegistry.location(p));
                }
            });
        }
        System.out.println("engine:");
        System.out.printf("  %-18s %s%n", Engines.LOCAL, "child processes on this machine (built in)");
        Engines.all().forEach((id, e) -> {
            System.out.printf("  %-18s %s%n", id, e.description());
            if (verbose) {
                System.out.printf("  %-18s %s (%s)%n", "", e.getClass().getName(),
                        e.getClass().getProtectionDomain().getCodeSource().getLocation());
            }
        });
        return 0;
    }
}
