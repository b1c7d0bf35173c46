/**
 * Data sources: toy 2-D densities with exact log-densities; MNIST and Fashion-MNIST read from IDX files, and their
 * descriptions for {@code bin/ebm data fetch}; generated labelled images ({@code synthetic-images}).
 */
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
            dev.ebm.data.image.MnistProvider,
            dev.ebm.data.image.FashionMnistProvider,
            dev.ebm.data.image.SyntheticImagesProvider;

    provides dev.ebm.api.dataset.DatasetProvider with dev.ebm.data.image.ImageDatasets;
}
