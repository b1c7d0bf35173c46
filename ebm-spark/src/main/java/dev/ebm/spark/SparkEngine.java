package dev.ebm.spark;

import dev.ebm.runner.engine.Engine;
import dev.ebm.runner.engine.EngineOptions;
import dev.ebm.runner.engine.EngineSession;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark} engine: sweep runs as Spark tasks, data-parallel training as one barrier stage. The master is
 * {@code local[N]} (an embedded Spark in this JVM, the default with N = this machine's cores), a standalone
 * cluster ({@code spark://HOST:PORT}) or Kubernetes ({@code k8s://https://HOST:PORT}); other Spark settings come
 * from {@code spark.*} system properties ({@code EBM_JAVA_OPTS="-Dspark.executor.memory=8g"}), as Spark reads them.
 */
public final class SparkEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    @Override
    public String id() {
        return "spark";
    }

    @Override
    public String description() {
        return "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ": masters local[N], "
                + "spark://HOST:PORT, k8s://https://HOST:PORT";
    }

    @Override
    public EngineSession open(EngineOptions options) {
        SparkConf conf = new SparkConf(true);
        Master master = Master.parse(options.master() != null ? options.master()
                : conf.get("spark.master", "local[*]"), Runtime.getRuntime().availableProcessors());
        master.note().ifPresent(n -> LOG.warn("{}", n));
        int threads = master.local() ? Math.min(options.threadsPerTask(), master.cores()) : options.threadsPerTask();
        conf.setMaster(master.url()).setAppName(options.appName())
                .set("spark.task.cpus", Integer.toString(threads));
        if (master.local()) {
            // one JVM on this machine: no web UI to bind, and the driver on the loopback interface
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            ClusterSettings.apply(conf);
        }
        JavaSparkContext jsc = new JavaSparkContext(conf);
        jsc.setLogLevel("WARN");
        int cores = master.local() ? master.cores() : Math.max(jsc.defaultParallelism(), threads);
        LOG.info("Spark {} on {}: {} core(s), {} thread(s) per task", jsc.version(), master.url(), cores, threads);
        return new SparkEngineSession(jsc, master, cores, threads);
    }
}
