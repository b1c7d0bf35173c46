package dev.ebm.runner;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.ebm.runner.cli.BenchCommand;
import dev.ebm.runner.cli.CommandFailures;
import dev.ebm.runner.cli.DataCommand;
import dev.ebm.runner.cli.EvalCommand;
import dev.ebm.runner.cli.ExitCodes;
import dev.ebm.runner.cli.ExplainCommand;
import dev.ebm.runner.cli.PluginsCommand;
import dev.ebm.runner.cli.ReportCommand;
import dev.ebm.runner.cli.SampleCommand;
import dev.ebm.runner.cli.SchemaCommand;
import dev.ebm.runner.cli.SweepCommand;
import dev.ebm.runner.cli.TrainCommand;
import dev.ebm.runner.plugins.PluginCatalog;
import dev.ebm.runner.plugins.PluginDirectories;
import dev.ebm.runner.wiring.WiringErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code bin/ebm}: the command line of the framework. */
@Command(name = "ebm", mixinStandardHelpOptions = true, version = "ebm 0.1.0",
        description = "Train and study energy-based models with MCMC.",
        subcommands = {TrainCommand.class, SampleCommand.class, ExplainCommand.class, PluginsCommand.class,
            BenchCommand.class, DataCommand.class, ReportCommand.class, SchemaCommand.class, EvalCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Read from the raw arguments before parsing ({@link PluginDirectories#of}); declared here for help and checks. */
    @Option(names = PluginDirectories.OPTION, paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Load plugin jars from DIR (repeatable; also $EBM_PLUGINS and a plugins/ directory beside "
                    + "the spec).")
    List<Path> plugins = new ArrayList<>();

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        NativePreload.start(args);
        System.exit(execute(new RunnerWiring(), args));
    }

    /** Runs the command line with the given wiring; returns the exit code. */
    public static int execute(RunnerWiring wiring, String... args) {
        Injector injector;
        try {
            injector = Guice.createInjector(wiring.withPlugins(
                    PluginDirectories.of(args, System.getenv(PluginDirectories.ENV))));
        } catch (CreationException e) {
            System.err.println("ebm: " + WiringErrors.describe(e));
            return ExitCodes.BAD_INPUT;
        }
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getPackageName().startsWith("dev.ebm.runner")) {
                    return injector.getInstance(cls);
                }
                return fallback.create(cls);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        CommandFailures failures = new CommandFailures(injector.getProvider(PluginCatalog.class));
        failures.warnAboutUnloadedPlugins(args, cli.getErr());
        cli.setExecutionExceptionHandler(failures);
        try {
            return cli.execute(args);
        } catch (LinkageError e) {
            return failures.linkage(e, cli.getErr());
        }
    }
}
