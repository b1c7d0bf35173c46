/** Contract tests that plugin authors run against their own plugins. */
module dev.ebm.testkit {
    requires transitive dev.ebm.api;
    requires org.junit.jupiter.api;
    requires org.assertj.core;
}
