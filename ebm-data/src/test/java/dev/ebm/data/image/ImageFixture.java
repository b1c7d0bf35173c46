package dev.ebm.data.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.data.idx.IdxWriter;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Small generated MNIST-format directories and sources built from JSON specs through the plugin registry, as a run
 * builds them. Image i has grey level {@link #level}(i, j) at pixel j; its label is {@code i % 10}.
 */
final class ImageFixture {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final ObjectMapper JSON = new ObjectMapper();

    private ImageFixture() {}

    static int level(int image, int pixel) {
        return (image * 37 + pixel * 11) % 256;
    }

    /** Writes {@code train} and {@code test} files (raw, or gzip-compressed as NAME.gz) with the given counts. */
    static Path write(Path dir, int train, int test, boolean gzip) {
        write(dir, ImageDatasets.TRAIN_IMAGES, IdxWriter.images(train, ImageFixture::level), gzip);
        write(dir, ImageDatasets.TRAIN_LABELS, IdxWriter.labels(labels(train)), gzip);
        write(dir, ImageDatasets.TEST_IMAGES, IdxWriter.images(test, (i, j) -> 255 - level(i, j)), gzip);
        write(dir, ImageDatasets.TEST_LABELS, IdxWriter.labels(labels(test)), gzip);
        return dir;
    }

    static void write(Path dir, String name, byte[] content, boolean gzip) {
        IdxWriter.write(dir.resolve(gzip ? name + ".gz" : name), gzip ? IdxWriter.gzip(content) : content);
    }

    static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 10;
        }
        return l;
    }

    static DataSpec spec(String json) throws Exception {
        return new SpecBinder(REGISTRY).bind(JSON.readTree(json), DataSpec.class);
    }

    /** A source of {@code type} over {@code dir} with the extra JSON fields (may be empty), e.g. {@code "limit": 3}. */
    static LabelledData source(String type, Path dir, String fields) throws Exception {
        ObjectNode n = (ObjectNode) JSON.readTree("{" + fields + "}");
        n.put("type", type);
        n.put("dir", dir.toString());
        return create(new SpecBinder(REGISTRY).bind(n, DataSpec.class));
    }

    static LabelledData create(DataSpec spec) {
        PluginContext bare = new PluginContext(DataType.FLOAT, new long[0], null, REGISTRY, new Rng(0));
        return (LabelledData) REGISTRY.<DataSpec, Object>create(spec, bare);
    }
}
