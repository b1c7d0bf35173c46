package dev.ebm.api.plugin;

import dev.ebm.api.spec.ObjectiveSpec;
import dev.ebm.api.traits.TermRole;

/** The service interface of objective terms. */
public interface ObjectiveProvider extends Provider<ObjectiveSpec, dev.ebm.api.ObjectiveTerm> {

    /**
     * The role of a term built from {@code spec} (contrastive, defined only for chains started at the data,
     * sample-free, regulariser, KL auxiliary). The runner names the objective and refuses misused terms from this
     * alone, before any plugin is built, so it must be a function of the validated spec; the test kit's objective
     * contract checks that the term agrees with it. The default declares nothing ({@link TermRole#undeclared()}).
     */
    default TermRole role(ObjectiveSpec spec) {
        return TermRole.undeclared();
    }
}
