package dev.ebm.energies;

import java.util.List;
import dev.ebm.api.plugin.Sizing;
import dev.ebm.api.plugin.Allocation;
import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.energies.spec.CnnSpec;

/** Provides the {@code cnn} energy. */
public final class CnnProvider implements EnergyProvider {
    @Override
    public String type() {
        return "cnn";
    }

    @Override
    public Class<CnnSpec> specType() {
        return CnnSpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        return new Cnn((CnnSpec) spec, context.sampleShape(), context.dtype(), context.rng());
    }

    @Override
    public List<Allocation> allocations(EnergySpec spec, Sizing sizing) {
        long perRow = ActivationSizes.cnnUnits((CnnSpec) spec, sizing.sampleShape());
        if (perRow <= 0) {
            return List.of();
        }
        return List.of(new Allocation("", Allocation.product(ActivationSizes.TAPE_COPIES, sizing.rows(), perRow,
                sizing.dtypeBytes()), sizing.rows() + " rows (train.batch + train.chains) × " + perRow
                + " activations per image × " + sizing.dtypeBytes() + " bytes × " + ActivationSizes.TAPE_COPIES
                + " (activations and their gradients on the tape, roughly)"));
    }

    @Override
    public String description() {
        return "convolutional network on [C, H, W] images: convolutions, optional dense hidden layers, a dense output; "
                + "optional spectral norm";
    }
}
