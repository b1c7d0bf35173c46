/** Data sources: toy 2-D densities with exact log-densities, and labelled images (synthetic-images). */
module dev.ebm.data {
    requires dev.ebm.api;

    opens dev.ebm.data.spec to com.fasterxml.jackson.databind, dev.ebm.api;

    provides dev.ebm.api.plugin.DataProvider with
            dev.ebm.data.toy.EightGaussiansProvider,
            dev.ebm.data.toy.RingsProvider,
            dev.ebm.data.toy.TwoMoonsProvider,
            dev.ebm.data.toy.CheckerboardProvider,
            dev.ebm.data.toy.SwissRollProvider,
            dev.ebm.data.toy.PinwheelProvider,
            dev.ebm.data.images.SyntheticImagesProvider;
}
