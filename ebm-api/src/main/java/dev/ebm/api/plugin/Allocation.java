package dev.ebm.api.plugin;

/**
 * One large block of memory a plugin will allocate for a spec, estimated before the plugin is built, so that a spec
 * asking for more memory than the machine has is refused at once, naming the field to change.
 *
 * @param field the spec field that sets the size, relative to the plugin's own spec (e.g. {@code capacity});
 *     empty for the plugin as a whole
 * @param bytes the estimated size in bytes (off-heap, ND4J arrays), rounded up; {@link Long#MAX_VALUE} when it
 *     overflows
 * @param formula how the size comes about, e.g. {@code 2000000000 samples × 2 values × 4 bytes}
 */
public record Allocation(String field, long bytes, String formula) {

    /** {@code a × b × ...}, or {@link Long#MAX_VALUE} when the product overflows. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                return Long.MAX_VALUE;
            }
            try {
                p = Math.multiplyExact(p, f);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return p;
    }
}
