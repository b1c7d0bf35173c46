package dev.ebm.data.image;

import dev.ebm.api.DataSource;
import dev.ebm.api.dataset.DataCache;
import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.plugin.DataProvider;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.data.idx.IdxArray;
import dev.ebm.data.idx.IdxFormatException;
import dev.ebm.data.spec.ImageDataSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a 28×28 image data source from the IDX files of a {@link Dataset}: from the data cache (each file checked
 * against the data set's SHA-256) or from the spec's {@code dir} (structure checked only, so generated or other
 * IDX files can be read). Each file may be raw or gzip-compressed ({@code NAME} or {@code NAME.gz}).
 *
 * <p>Problems are spec errors at their full path (a data spec always sits at {@code data}): a data set missing from
 * the cache at {@code data.type}, with the command that fetches it; a broken file at {@code data.type} (cache) or
 * {@code data.dir}, naming the file and the defect; a class filter that keeps nothing at {@code data.digits}.
 */
abstract class IdxImageProvider implements DataProvider {

    /** The data set read. */
    abstract Dataset dataset();

    /** The class names, by label. */
    abstract List<String> classNames();

    @Override
    public final DataSource create(DataSpec spec, PluginContext context) {
        ImageDataSpec s = (ImageDataSpec) spec;
        Dataset d = dataset();
        boolean test = s.split().equals("test");
        String imagesName = test ? ImageDatasets.TEST_IMAGES : ImageDatasets.TRAIN_IMAGES;
        String labelsName = test ? ImageDatasets.TEST_LABELS : ImageDatasets.TRAIN_LABELS;
        boolean cached = s.dir() == null;
        Path dir = cached ? d.cacheDir() : Paths.get(s.dir()).toAbsolutePath();
        String path = cached ? "data.type" : "data.dir";
        Path imagesFile = locate(d, dir, imagesName, cached);
        Path labelsFile = locate(d, dir, labelsName, cached);
        IdxArray images;
        IdxArray labels;
        try {
            images = ImageFiles.load(imagesFile, cached ? d.file(imagesName) : null, -1, IdxImageSource.SIDE,
                    IdxImageSource.SIDE);
            labels = ImageFiles.load(labelsFile, cached ? d.file(labelsName) : null, -1);
            checkLabels(images, labels, classNames().size());
        } catch (IdxFormatException e) {
            throw new SpecException(path, e.getMessage() + (cached ? "; the cached copy is damaged: fetch it again "
                    + "with: " + d.fetchCommand() : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + d.name() + " from " + dir, e);
        }
        int[] rows = select(images, labels, s);
        if (rows.length == 0) {
            throw new SpecException("data.digits", "no image of classes " + s.digits() + " in " + labelsFile);
        }
        IdxImageSource.Dequantize dq =
                IdxImageSource.Dequantize.valueOf(s.dequantize().toUpperCase(java.util.Locale.ROOT));
        return new IdxImageSource(images, labels, rows, s.scale().equals("symmetric"), dq,
                s.noiseStd() == null ? 0 : s.noiseStd(), classNames());
    }

    private static Path locate(Dataset d, Path dir, String name, boolean cached) {
        Path raw = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        if (cached) {
            throw new SpecException("data.type", "'" + d.name() + "' is not in the data cache: " + raw + " is missing "
                    + "(cache root " + DataCache.root() + ", " + DataCache.rootOrigin() + "); fetch it first with: "
                    + d.fetchCommand());
        }
        if (!Files.isDirectory(dir)) {
            throw new SpecException("data.dir", "no directory " + dir);
        }
        throw new SpecException("data.dir", "neither " + name + " nor " + name + ".gz is in " + dir);
    }

    private static void checkLabels(IdxArray images, IdxArray labels, int classes) throws IdxFormatException {
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labels.file(), "image/label count mismatch: " + labels.count() + " labels, but "
                    + images.file() + " has " + images.count() + " images");
        }
        for (int i = 0; i < labels.count(); i++) {
            int label = labels.get(i, 0);
            if (label >= classes) {
                throw new IdxFormatException(labels.file(), "label " + label + " at index " + i + " is not a class in "
                        + "[0, " + classes + ")");
            }
        }
    }

    /** The images kept: those of the spec's classes, in file order, at most {@code limit}. */
    private static int[] select(IdxArray images, IdxArray labels, ImageDataSpec s) {
        boolean[] keep = new boolean[256];
        if (s.digits() == null) {
            Arrays.fill(keep, true);
        } else {
            s.digits().forEach(c -> keep[c] = true);
        }
        int limit = s.limit() == null ? Integer.MAX_VALUE : s.limit();
        int[] rows = new int[Math.min(images.count(), limit)];
        int n = 0;
        for (int i = 0; i < images.count() && n < rows.length; i++) {
            if (keep[labels.get(i, 0)]) {
                rows[n++] = i;
            }
        }
        return n == rows.length ? rows : Arrays.copyOf(rows, n);
    }
}
