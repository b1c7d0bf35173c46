package dev.ebm.runner.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.runner.classifier.ClassifierCache;
import dev.ebm.runner.classifier.ClassifierConfig;
import dev.ebm.runner.eval.image.EvalSets;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/ebm data classifier NAME [--rebuild]}: trains (or finds) the evaluation classifier of a labelled image
 * data set and caches it beside the data (docs/EVALUATION.md). Exit code 0 when the classifier is ready, 2 for a
 * data set that has none.
 */
@Command(name = "classifier", description = "Train the evaluation classifier of an image data set (mnist, "
        + "fashion-mnist, synthetic-images) into the data cache, unless it is cached already.")
public final class DataClassifierCommand implements Callable<Integer> {
    private final PluginRegistry registry;

    @Parameters(index = "0", paramLabel = "NAME", description = "The data source type, e.g. mnist.")
    String name;

    @Option(names = "--rebuild", description = "Train again even when a classifier is cached.")
    boolean rebuild;

    @Inject
    DataClassifierCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", name);
        EvalSets.Result sets;
        try {
            DataSpec spec = new SpecBinder(registry).bind(node, DataSpec.class);
            sets = EvalSets.of(spec, registry);
        } catch (SpecException e) {
            System.err.println("data classifier " + name + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (sets.sets() == null) {
            System.err.println("data classifier " + name + ": " + sets.reason());
            return ExitCodes.BAD_INPUT;
        }
        EvalSets s = sets.sets();
        ClassifierCache.Entry e = ClassifierCache.standard().obtain(s.dataset(), s.train(), s.test(),
                ClassifierConfig.DEFAULT, rebuild, System.out, System.console() != null);
        System.out.printf("%s classifier in %s: %s, test accuracy %.2f %% on %d images%s%n", s.dataset(), e.dir(),
                e.manifest().get("architecture").asText(), 100 * e.classifier().testAccuracy(), s.test().size(),
                e.trainedNow() ? String.format(" (trained now in %.0f s)", e.manifest().get("train_seconds")
                        .asDouble()) : String.format(" (cached; trained in %.0f s)",
                        e.manifest().path("train_seconds").asDouble()));
        return 0;
    }
}
