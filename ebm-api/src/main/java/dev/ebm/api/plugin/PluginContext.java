package dev.ebm.api.plugin;

import dev.ebm.api.Box;
import dev.ebm.api.Rng;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a provider may use to build its plugin.
 *
 * @param dtype the run's floating-point type
 * @param sampleShape the shape of one sample, e.g. {@code [2]}
 * @param dataBounds a box holding the data (the default range of uniform initialisations), or null without data
 * @param registry the registry, for plugins that build nested plugins (a kernel inside replica exchange)
 * @param rng randomness for parameter initialisation
 */
public record PluginContext(DataType dtype, long[] sampleShape, Box dataBounds, PluginRegistry registry, Rng rng) {

    /** Number of coordinates of one flattened sample. */
    public long sampleSize() {
        long n = 1;
        for (long s : sampleShape) {
            n *= s;
        }
        return n;
    }
}
