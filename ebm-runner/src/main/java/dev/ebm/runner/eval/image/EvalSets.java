package dev.ebm.runner.eval.image;

import dev.ebm.api.LabelledData;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.runner.chains.TestSplit;
import java.util.Optional;

/**
 * The whole training and test splits of a run's labelled image data set, in the unit scale: what the evaluation
 * classifier is trained and tested on, and what sample sets are compared with.
 *
 * <p>They are built from the run's data spec by {@link TestSplit#source} with {@code split} set to {@code train} or
 * {@code test} and {@code scale} set to {@code unit} (every class, no dequantization). This is the convention of
 * labelled image sources ({@code mnist}, {@code fashion-mnist}, {@code synthetic-images}): a source whose spec has
 * no {@code split} is not evaluated.
 *
 * @param dataset the data source's type id, e.g. {@code mnist}
 */
public record EvalSets(String dataset, LabelledData train, LabelledData test) {

    /** The splits of {@code data}'s data set, or a reason why it has none. */
    public static Result of(DataSpec data, PluginRegistry registry) {
        String type = registry.typeOf(data);
        if (!TestSplit.hasSplit(data)) {
            return new Result(null, "the '" + type + "' data source has no 'split' field, so the evaluation cannot "
                    + "find its training and test splits");
        }
        return new Result(new EvalSets(type, build(data, type, "train", registry), build(data, type, "test", registry)),
                null);
    }

    private static LabelledData build(DataSpec data, String type, String split, PluginRegistry registry) {
        if (!(TestSplit.source(data, split, true, registry) instanceof LabelledData labelled)) {
            throw new IllegalStateException("the '" + type + "' " + split + " split is not a labelled data set");
        }
        return labelled;
    }

    /** The splits, or why there are none. */
    public record Result(EvalSets sets, String reason) {
        public Optional<EvalSets> get() {
            return Optional.ofNullable(sets);
        }
    }
}
