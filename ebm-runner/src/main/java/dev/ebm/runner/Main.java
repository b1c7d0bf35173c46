package dev.ebm.runner;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.ebm.runner.cli.BenchCommand;
import dev.ebm.runner.cli.DataCommand;
import dev.ebm.runner.cli.EvalCommand;
import dev.ebm.runner.cli.ExperimentCommand;
import dev.ebm.runner.cli.ExplainCommand;
import dev.ebm.runner.cli.PluginsCommand;
import dev.ebm.runner.cli.ReportCommand;
import dev.ebm.runner.cli.SampleCommand;
import dev.ebm.runner.cli.SchemaCommand;
import dev.ebm.runner.cli.SweepCommand;
import dev.ebm.runner.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/ebm}: the command line of the framework. */
@Command(name = "ebm", mixinStandardHelpOptions = true, version = "ebm 0.1.0",
        description = "Train and study energy-based models with MCMC.",
        subcommands = {TrainCommand.class, SampleCommand.class, ExplainCommand.class, PluginsCommand.class,
            BenchCommand.class, DataCommand.class, ReportCommand.class, SchemaCommand.class, EvalCommand.class,
            SweepCommand.class, ExperimentCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(new RunnerWiring(), args));
    }

    /** Runs the command line with the given wiring; returns the exit code. */
    public static int execute(RunnerWiring wiring, String... args) {
        Injector injector = Guice.createInjector(wiring);
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
        return cli.execute(args);
    }
}
