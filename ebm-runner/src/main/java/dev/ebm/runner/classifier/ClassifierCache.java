package dev.ebm.runner.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.LabelledData;
import dev.ebm.api.dataset.DataCache;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluation classifiers cached beside their data set: {@code ROOT/DATASET/classifier/KEY/} holds one {@code .npy}
 * per parameter and {@code manifest.json} (architecture, configuration, seed, epochs, test accuracy, training time,
 * data fingerprint). KEY is the first 16 hex digits of the SHA-256 of the configuration and the
 * {@linkplain DataFingerprint fingerprint} of the training and test splits, so another data set (or another
 * configuration) never reuses a classifier. A classifier is written into a temporary directory and renamed into
 * place, so a reader never sees half of one; when two processes train the same one, the first rename wins.
 *
 * <p>ROOT is the data cache of {@code bin/ebm data fetch} ({@link DataCache#root()}: the system property
 * {@code ebm.data}, else {@code EBM_DATA}, else {@code $XDG_CACHE_HOME/ebm}, else {@code ~/.cache/ebm}).
 */
public final class ClassifierCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;

    /** A classifier ready to score, where it lives, and whether it was trained just now. */
    public record Entry(Classifier classifier, Path dir, boolean trainedNow, ObjectNode manifest) {}

    public ClassifierCache(Path root) {
        this.root = root;
    }

    /** The cache under the default root. */
    public static ClassifierCache standard() {
        return new ClassifierCache(defaultRoot());
    }

    /** The data cache root: {@link DataCache#root()}. */
    public static Path defaultRoot() {
        return DataCache.root();
    }

    public Path root() {
        return root;
    }

    /**
     * The cached classifier of {@code dataset} (train split {@code train}, test split {@code test}, both read in
     * the unit scale), trained now (with a message on {@code out}) when there is none or when {@code rebuild}.
     */
    public Entry obtain(String dataset, LabelledData train, LabelledData test, ClassifierConfig config,
            boolean rebuild, PrintStream out, boolean terminal) {
        String fingerprint = DataFingerprint.of(config, train, test);
        Path dir = root.resolve(dataset).resolve("classifier").resolve(fingerprint.substring(0, 16));
        if (!rebuild && Files.isRegularFile(dir.resolve("manifest.json"))) {
            return load(dir, fingerprint);
        }
        out.printf("%s the evaluation classifier for %s (%s, %d epochs, %d training and %d test images) -> %s%n",
                rebuild ? "rebuilding" : "no cached classifier: training", dataset,
                config.architecture(train.classes()), config.epochs(), train.size(), test.size(), dir);
        ClassifierTraining.Result r = ClassifierTraining.train(train, test, config, out, terminal);
        ObjectNode manifest = manifest(dataset, fingerprint, config, train, test, r);
        write(dir, r.classifier(), manifest, rebuild);
        out.printf("classifier for %s: test accuracy %.2f %% (%d images), trained in %.0f s%n", dataset,
                100 * r.classifier().testAccuracy(), test.size(), r.seconds());
        return new Entry(r.classifier(), dir, true, manifest);
    }

    private static ObjectNode manifest(String dataset, String fingerprint, ClassifierConfig config,
            LabelledData train, LabelledData test, ClassifierTraining.Result r) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", 1);
        m.put("dataset", dataset);
        m.put("fingerprint", fingerprint);
        m.put("architecture", config.architecture(train.classes()));
        config.writeTo(m.putObject("config"));
        ArrayNode shape = m.putArray("sample_shape");
        for (long s : train.sampleShape()) {
            shape.add(s);
        }
        m.put("classes", train.classes());
        ArrayNode names = m.putArray("class_names");
        train.classNames().forEach(names::add);
        m.put("train_size", train.size());
        m.put("test_size", test.size());
        m.put("test_accuracy", r.classifier().testAccuracy());
        m.put("train_seconds", r.seconds());
        ArrayNode losses = m.putArray("epoch_losses");
        r.epochLosses().forEach(losses::add);
        m.put("created", java.time.Instant.now().toString());
        return m;
    }

    private void write(Path dir, Classifier classifier, ObjectNode manifest, boolean replace) {
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp-");
            for (Map.Entry<String, INDArray> e : classifier.net().parameters().arrays().entrySet()) {
                Nd4j.writeAsNumpy(e.getValue(), tmp.resolve(e.getKey() + ".npy").toFile());
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("manifest.json").toFile(), manifest);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // a temporary directory is private (rwx------); the cache is as readable as the data beside it
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (replace && Files.exists(dir)) {
                Path old = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".old-");
                Files.delete(old);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(tmp); // another process put the same classifier in place first
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + tmp + " atomically into " + dir, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the classifier cache " + dir, e);
        }
    }

    private static Entry load(Path dir, String fingerprint) {
        try {
            ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
            if (!fingerprint.equals(m.path("fingerprint").asText())) {
                throw new IllegalStateException("the classifier in " + dir + " was trained on other data (fingerprint "
                        + m.path("fingerprint").asText() + ", expected " + fingerprint + "): delete it");
            }
            ClassifierConfig config = ClassifierConfig.read(m.get("config"));
            JsonNode shapeNode = m.get("sample_shape");
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asLong();
            }
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            try (var outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (String name : ClassifierNet.names(config)) {
                    arrays.put(name, Nd4j.createFromNpyFile(dir.resolve(name + ".npy").toFile()));
                }
            }
            ClassifierNet net = new ClassifierNet(config, shape, m.get("classes").asInt(), arrays);
            return new Entry(new Classifier(net, m.get("test_accuracy").asDouble()), dir, false, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classifier in " + dir, e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
