package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.runner.schema.SpecSchema;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/ebm schema [--out FILE]}: the JSON Schema of specs for every plugin found. */
@Command(name = "schema", description = "Print the JSON Schema (draft 2020-12) of specs for the plugins found, "
        + "for editors and validators.")
public final class SchemaCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Inject
    SchemaCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        String text;
        try {
            text = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SpecSchema.generate(registry)) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the schema", e);
        }
        if (out == null) {
            System.out.print(text);
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text);
        } catch (IOException e) {
            System.err.println("schema: cannot write " + out + ": " + dev.ebm.runner.io.OutputException.describe(e));
            return ExitCodes.OUTPUT_FAILED;
        }
        System.err.println("wrote " + out);
        return 0;
    }
}
