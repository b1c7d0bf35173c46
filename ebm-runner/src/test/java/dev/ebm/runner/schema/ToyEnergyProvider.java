package dev.ebm.runner.schema;

import dev.ebm.api.EnergyFunction;
import dev.ebm.api.plugin.EnergyProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.Checks;
import dev.ebm.api.spec.Default;
import dev.ebm.api.spec.EnergySpec;
import dev.ebm.api.spec.Range;

/** A plugin the schema tests register at run time. */
final class ToyEnergyProvider implements EnergyProvider {

    /** Its spec. */
    record ToySpec(@Default("3") @Range(min = 1) Integer size) implements EnergySpec {
        ToySpec {
            Checks c = new Checks(ToySpec.class);
            size = c.field("size", size);
            c.done();
        }
    }

    @Override
    public String type() {
        return "toy-energy";
    }

    @Override
    public Class<? extends EnergySpec> specType() {
        return ToySpec.class;
    }

    @Override
    public EnergyFunction create(EnergySpec spec, PluginContext context) {
        throw new UnsupportedOperationException("the schema tests build no energy");
    }

    @Override
    public String description() {
        return "an energy for schema tests";
    }
}
