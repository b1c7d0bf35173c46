package dev.ebm.runner.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The architecture and training recipe of the evaluation classifier ({@link ClassifierNet}). Part of the cache key:
 * a classifier trained with another configuration is never reused.
 *
 * @param kernel the odd side of the convolution's kernel (stride 2, padding ⌊kernel/2⌋)
 * @param channels output channels of the convolution
 * @param conv2 output channels of a second convolution (3×3, stride 2, padding 1) after the first, or 0 for none
 * @param features units of the penultimate (feature) layer, 1 ≤ d ≤ 128
 * @param epochs passes over the training split
 * @param batch images per optimizer step
 * @param lr Adam's initial learning rate (cosine decay to 0 over the whole training)
 * @param seed the seed of the initialisation and of the batch order
 */
public record ClassifierConfig(int kernel, int channels, int conv2, int features, int epochs, int batch, double lr,
        long seed) {
    /** The configuration used unless a caller asks for another (MNIST, Fashion-MNIST, synthetic images). */
    public static final ClassifierConfig DEFAULT = new ClassifierConfig(5, 32, 64, 64, 4, 128, 2e-3, 1);

    public ClassifierConfig {
        if (kernel < 1 || kernel % 2 == 0 || channels < 1 || conv2 < 0 || features < 1 || features > 128
                || epochs < 1 || batch < 1 || !(lr > 0)) {
            throw new IllegalArgumentException("bad classifier configuration: kernel " + kernel + " (odd), channels "
                    + channels + ", conv2 " + conv2 + ", features " + features + " (1..128), epochs " + epochs
                    + ", batch " + batch + ", lr " + lr);
        }
    }

    /** This configuration with another number of epochs. */
    public ClassifierConfig withEpochs(int e) {
        return new ClassifierConfig(kernel, channels, conv2, features, e, batch, lr, seed);
    }

    /** The architecture in one line, e.g. for the manifest and logs. */
    public String architecture(int classes) {
        return "conv" + kernel + "x" + kernel + "/2(" + channels + ")-relu-" + (conv2 > 0 ? "conv3x3/2(" + conv2
                + ")-relu-" : "") + "dense(" + features + ")-relu-dense(" + classes + ")";
    }

    /** Writes the fields into {@code node}. */
    public void writeTo(ObjectNode node) {
        node.put("kernel", kernel);
        node.put("channels", channels);
        node.put("conv2", conv2);
        node.put("features", features);
        node.put("epochs", epochs);
        node.put("batch", batch);
        node.put("lr", lr);
        node.put("seed", seed);
    }

    /** Reads what {@link #writeTo} wrote. */
    public static ClassifierConfig read(JsonNode node) {
        return new ClassifierConfig(node.get("kernel").asInt(), node.get("channels").asInt(),
                node.get("conv2").asInt(), node.get("features").asInt(),
                node.get("epochs").asInt(), node.get("batch").asInt(), node.get("lr").asDouble(),
                node.get("seed").asLong());
    }
}
