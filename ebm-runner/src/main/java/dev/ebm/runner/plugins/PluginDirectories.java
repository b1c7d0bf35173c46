package dev.ebm.runner.plugins;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The plugin directories of one command line, in the order they are searched: each {@code --plugins DIR} (the
 * option may be repeated), then each entry of {@code EBM_PLUGINS} (a path list, separated like {@code PATH}), then a
 * {@code plugins/} directory beside each spec file the command line names, when there is one.
 *
 * <p>They are read from the raw arguments before the command line is parsed, so the Guice wiring that builds the
 * plugin registry knows them when the commands are made; picocli then parses the same {@code --plugins} option
 * (declared on the top-level command and inherited by every subcommand) for its help and validation.
 *
 * @param explicit directories named by {@code --plugins} and {@code EBM_PLUGINS}: a missing one is an error
 * @param besideSpecs existing {@code plugins/} directories beside spec files
 */
public record PluginDirectories(List<Path> explicit, List<Path> besideSpecs) {
    /** The option name. */
    public static final String OPTION = "--plugins";
    /** The environment variable. */
    public static final String ENV = "EBM_PLUGINS";

    public PluginDirectories {
        explicit = List.copyOf(explicit);
        besideSpecs = List.copyOf(besideSpecs);
    }

    /** No plugin directories. */
    public static PluginDirectories none() {
        return new PluginDirectories(List.of(), List.of());
    }

    /** Every directory, in search order, each once. */
    public List<Path> all() {
        Set<Path> out = new LinkedHashSet<>();
        explicit.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        besideSpecs.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        return List.copyOf(out);
    }

    /**
     * The directories of a command line.
     *
     * @param args the arguments, as given to {@code bin/ebm}
     * @param env the value of {@code EBM_PLUGINS}, or null
     */
    public static PluginDirectories of(String[] args, String env) {
        List<Path> explicit = new ArrayList<>();
        List<Path> beside = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.equals(OPTION) && i + 1 < args.length) {
                explicit.add(Path.of(args[++i]));
            } else if (options && a.startsWith(OPTION + "=")) {
                explicit.add(Path.of(a.substring(OPTION.length() + 1)));
            } else if (options && a.startsWith("-")) {
                continue;
            } else {
                Path dir = pluginsBeside(a);
                if (dir != null) {
                    beside.add(dir);
                }
            }
        }
        if (env != null) {
            for (String part : env.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    explicit.add(Path.of(part.trim()));
                }
            }
        }
        return new PluginDirectories(explicit, beside);
    }

    /** The first argument that is neither an option nor the value of {@code --plugins}: the subcommand, or null. */
    public static String subcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION)) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** The {@code plugins/} directory beside {@code arg} when it names a spec file (YAML or JSON), else null. */
    private static Path pluginsBeside(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
            return null;
        }
        try {
            Path spec = Path.of(arg).toAbsolutePath();
            Path dir = spec.getParent() == null ? null : spec.getParent().resolve("plugins");
            return Files.isRegularFile(spec) && dir != null && Files.isDirectory(dir) ? dir : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
