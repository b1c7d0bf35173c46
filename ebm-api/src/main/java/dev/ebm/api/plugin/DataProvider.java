package dev.ebm.api.plugin;

import dev.ebm.api.spec.DataSpec;

/** The service interface of data sources. */
public interface DataProvider extends Provider<DataSpec, dev.ebm.api.DataSource> {}
