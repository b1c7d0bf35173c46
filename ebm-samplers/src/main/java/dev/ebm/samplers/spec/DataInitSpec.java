package dev.ebm.samplers.spec;

import dev.ebm.api.spec.NegativeSourceSpec;

/** Fresh chains started at the current data batch at every training step: contrastive divergence (CD-k). */
public record DataInitSpec() implements NegativeSourceSpec {}
