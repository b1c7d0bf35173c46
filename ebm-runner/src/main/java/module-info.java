/**
 * The command line: spec loading, the training loop, sampling with convergence diagnostics, checkpoints, metrics,
 * plots, evaluation, HTML reports and benchmarks.
 */
module dev.ebm.runner {
    requires dev.ebm.api;
    requires dev.ebm.estimators;
    requires com.google.guice;
    requires jakarta.inject;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires me.tongfei.progressbar;
    requires org.jfree.jfreechart;
    requires com.samskivert.jmustache;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.github.victools.jsonschema.generator;
    requires com.fasterxml.classmate;
    requires java.desktop;
    requires jdk.unsupported;
    requires java.management;
    requires jdk.management;
    requires java.net.http;

    exports dev.ebm.runner;
    // the engine SPI: optional engines (ebm-spark) implement it from the class path
    exports dev.ebm.runner.engine;

    opens dev.ebm.runner to com.google.guice, info.picocli;
    opens dev.ebm.runner.cli to info.picocli, com.google.guice;
    opens dev.ebm.runner.spec to com.google.guice;
    opens dev.ebm.runner.train to com.google.guice, com.fasterxml.jackson.databind;
    opens dev.ebm.runner.optim to com.fasterxml.jackson.databind, dev.ebm.api;
    opens dev.ebm.runner.bench to com.fasterxml.jackson.databind;
    opens dev.ebm.runner.report.html to com.samskivert.jmustache;
    opens dev.ebm.runner.plugins to com.google.guice;
    opens dev.ebm.runner.wiring to com.google.guice;

    // plugin directories: ServiceLoader on each plugin layer and plugin class loader
    uses dev.ebm.api.plugin.EnergyProvider;
    uses dev.ebm.api.plugin.SamplerProvider;
    uses dev.ebm.api.plugin.NegativeSourceProvider;
    uses dev.ebm.api.plugin.ObjectiveProvider;
    uses dev.ebm.api.plugin.TransitionProvider;
    uses dev.ebm.api.plugin.DataProvider;
    uses dev.ebm.api.plugin.OptimizerProvider;

    uses dev.ebm.runner.engine.Engine;

    provides dev.ebm.api.plugin.OptimizerProvider with dev.ebm.runner.optim.AdamProvider;
}
