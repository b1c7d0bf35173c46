package dev.ebm.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bin/ebm data fetch|list|classifier}: the data cache. */
@Command(name = "data", description = "Fetch data sets into the data cache and list them.",
        subcommands = {DataFetchCommand.class, DataListCommand.class, DataClassifierCommand.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
