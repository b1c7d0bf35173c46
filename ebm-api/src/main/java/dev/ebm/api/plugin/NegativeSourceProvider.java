package dev.ebm.api.plugin;

import dev.ebm.api.spec.NegativeSourceSpec;
import dev.ebm.api.traits.ChainStart;

/** The service interface of negative sources. */
public interface NegativeSourceProvider extends Provider<NegativeSourceSpec, dev.ebm.api.NegativeSource> {

    /**
     * How the chains of a source built from {@code spec} start and persist. The runner classifies runs (maximum
     * likelihood, short-run, CD-k, persistent CD) and refuses CD terms from this alone, before any plugin is built,
     * so it must be a function of the validated spec; the test kit's negative-source contract checks that the
     * source's draws honour it. The default declares nothing ({@link ChainStart#undeclared()}): explain then calls
     * the chains unknown and train refuses terms that need chains started at the data.
     */
    default ChainStart chainStart(NegativeSourceSpec spec) {
        return ChainStart.undeclared();
    }
}
