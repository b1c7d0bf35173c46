package dev.ebm.energies;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.MlpSpec;

/** Provides the {@code mlp} energy. */
public final class MlpProvider implements EnergyProvider {
    @Override
    public String type() {
        return "mlp";
    }

    @Override
    public Class<MlpSpec> specType() {
        return MlpSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        return new Mlp((MlpSpec) spec, context.sampleSize(), context.dtype(), context.rng());
    }

    @Override
    public List<Allocation> allocations(EnergySpec spec, Sizing sizing) {
        long units = ((MlpSpec) spec).hidden().stream().mapToLong(Integer::longValue).sum();
        return List.of(new Allocation("", Allocation.product(ActivationSizes.TAPE_COPIES, sizing.rows(), units,
                sizing.dtypeBytes()), sizing.rows() + " rows (train.batch + train.chains) × " + units
                + " hidden units × " + sizing.dtypeBytes() + " bytes × " + ActivationSizes.TAPE_COPIES
                + " (activations and their gradients on the tape, roughly)"));
    }

    @Override
    public String description() {
        return "multilayer perceptron on flattened samples; optional spectral norm";
    }
}
