package dev.ebm.spark;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkConf;

/**
 * Settings for a cluster master (standalone, Kubernetes): the executors need the framework's code and the flags
 * its launcher gives the JVM. Unless the user set them ({@code -Dspark.jars=...}, or
 * {@code spark.executor.extraClassPath} pointing at a distribution installed on every node or in the image):
 * {@code spark.jars} gets every jar of this JVM's module path and class path, which the driver then serves to the
 * executors, and the executors' JVM options get the native build this driver uses. Not tested on a real cluster
 * (docs/DISTRIBUTED.md).
 */
final class ClusterSettings {
    private ClusterSettings() {}

    static void apply(SparkConf conf) {
        if (!conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
            conf.set("spark.jars", String.join(",", driverJars()));
        }
        String ext = System.getProperty("org.bytedeco.javacpp.platform.extension");
        String opts = conf.get("spark.executor.extraJavaOptions", "");
        if (ext != null && !opts.contains("org.bytedeco.javacpp.platform.extension")) {
            conf.set("spark.executor.extraJavaOptions", (opts + " -Dorg.bytedeco.javacpp.platform.extension=" + ext)
                    .strip());
        }
    }

    /** The jars of this JVM's module path and class path, in that order, each once. */
    static List<String> driverJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(prop, "").split(File.pathSeparator)) {
                if (entry.endsWith(".jar") && new File(entry).isFile()) {
                    jars.add(new File(entry).getAbsolutePath());
                } else if (entry.endsWith("*") || new File(entry).isDirectory()) {
                    File dir = new File(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
                    File[] files = dir.listFiles((d, n) -> n.endsWith(".jar"));
                    for (File f : files == null ? new File[0] : files) {
                        jars.add(f.getAbsolutePath());
                    }
                }
            }
        }
        return new ArrayList<>(jars);
    }
}
