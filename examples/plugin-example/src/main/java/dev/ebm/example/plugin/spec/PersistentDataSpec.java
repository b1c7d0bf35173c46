package dev.ebm.example.plugin.spec;

import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.NegativeSourceSpec;

/**
 * Persistent chains that start at the data and restart there: at its first draw every chain starts at a data point
 * of the batch; at every later draw each chain continues from where the sampler left it, or, with probability
 * {@code resetToData}, restarts at a data point drawn uniformly from the batch. With {@code resetToData > 0} this
 * is persistent contrastive divergence (the "true CD" of Gagnon &amp; Lajoie 2022).
 *
 * @param resetToData probability per chain and draw of restarting at the data (default 0.1)
 */
public record PersistentDataSpec(Double resetToData) implements NegativeSourceSpec {
    public PersistentDataSpec {
        Checks c = new Checks();
        resetToData = c.probability("resetToData", resetToData, 0.1);
        c.done();
    }
}
