/**
 * Contract tests that plugin authors run against their own plugins, and the statistical helpers they use: an
 * exactly sampled diagonal Gaussian target, Kolmogorov–Smirnov and chi-square tests on chain output.
 */
module dev.ebm.testkit {
    requires transitive dev.ebm.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires transitive org.apache.commons.statistics.inference;
    requires transitive org.apache.commons.statistics.distribution;

    exports dev.ebm.testkit;

    opens dev.ebm.testkit to org.junit.platform.commons;
}
