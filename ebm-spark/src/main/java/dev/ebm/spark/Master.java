package dev.ebm.spark;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL as the engine uses it. {@code local}, {@code local[N]}, {@code local[*]} and
 * {@code local[N,F]} (F attempts per task) run in this JVM with at most this machine's cores: a larger N is lowered,
 * with a note, because oversubscribed native threads slow training down many times. {@code spark://},
 * {@code k8s://}, {@code yarn} and {@code mesos://} masters are passed to Spark as they are.
 *
 * @param url the master Spark gets
 * @param local whether the tasks run in this JVM
 * @param cores the cores of a local master (0 for a cluster)
 * @param note what was changed, if anything
 */
record Master(String url, boolean local, int cores, Optional<String> note) {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*(\\d+))?])?");
    private static final Pattern CLUSTER = Pattern.compile("(spark|k8s|mesos)://.+|yarn");

    /**
     * Parses {@code master}.
     *
     * @param machineCores this machine's cores
     * @throws IllegalArgumentException for anything else, naming the value and the legal forms
     */
    static Master parse(String master, int machineCores) {
        String m = master.strip();
        Matcher l = LOCAL.matcher(m);
        if (l.matches()) {
            String n = l.group(1);
            int asked = n == null ? 1 : "*".equals(n) ? machineCores : Integer.parseInt(n);
            if (asked < 1) {
                throw new IllegalArgumentException("--master " + master + ": local[N] needs N >= 1");
            }
            int cores = Math.min(asked, machineCores);
            String retries = l.group(2) == null ? "" : "," + l.group(2);
            Optional<String> note = cores < asked ? Optional.of("--master " + master + " asks for " + asked
                    + " cores; this machine has " + machineCores + ": using local[" + cores + retries + "]")
                    : Optional.empty();
            return new Master("local[" + cores + retries + "]", true, cores, note);
        }
        if (CLUSTER.matcher(m).matches()) {
            return new Master(m, false, 0, Optional.empty());
        }
        throw new IllegalArgumentException("--master: unknown Spark master '" + master + "'; legal: local, local[N], "
                + "local[*], local[N,F], spark://HOST:PORT, k8s://https://HOST:PORT, yarn");
    }
}
