package dev.ebm.data.image;

import dev.ebm.api.DataSource;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.spec.SyntheticImagesSpec;

/** Provides the {@code synthetic-images} data set: ten generated pattern classes, no download. */
public final class SyntheticImagesProvider implements DataProvider {
    @Override
    public String type() {
        return "synthetic-images";
    }

    @Override
    public Class<SyntheticImagesSpec> specType() {
        return SyntheticImagesSpec.class;
    }

    @Override
    public DataSource create(DataSpec spec, PluginContext context) {
        return new SyntheticImages((SyntheticImagesSpec) spec);
    }

    @Override
    public String description() {
        return "labelled images: ten generated pattern classes, 1x28x28 by default (no download)";
    }
}
