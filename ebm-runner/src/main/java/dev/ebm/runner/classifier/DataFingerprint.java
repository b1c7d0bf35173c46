package dev.ebm.runner.classifier;

import dev.ebm.api.LabelledData;
import dev.ebm.runner.train.StepWorkspace;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * The SHA-256 (hex) of a classifier configuration and the content of its training and test splits: for each split
 * its sample shape, class count, labels and the float32 bits of its samples in the unit scale. Two data sets share a
 * fingerprint only if the classifier would see exactly the same images and labels.
 */
final class DataFingerprint {
    private DataFingerprint() {}

    static String of(ClassifierConfig config, LabelledData train, LabelledData test) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((config.toString() + "|" + config.architecture(train.classes())).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        add(sha, train);
        add(sha, test);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void add(MessageDigest sha, LabelledData data) {
        int n = data.size();
        int size = data.bounds().dim();
        ByteBuffer head = ByteBuffer.allocate(8 * (data.sampleShape().length + 3)).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(n).putLong(data.classes()).putLong(data.sampleShape().length);
        for (long s : data.sampleShape()) {
            head.putLong(s);
        }
        sha.update(head.array());
        ByteBuffer labels = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int l : data.labels()) {
            labels.putInt(l);
        }
        sha.update(labels.array());
        Classifier.UnitMap map = Classifier.UnitMap.of(data.bounds());
        for (int from = 0; from < n; from += 5000) {
            int to = Math.min(n, from + 5000);
            try (MemoryWorkspace ws = StepWorkspace.open("classifier-fingerprint")) {
                float[] part = map.apply(data.samples(from, to, DataType.FLOAT).reshape(to - from, size)).data()
                        .asFloat();
                ByteBuffer b = ByteBuffer.allocate(4 * part.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(part);
                sha.update(b.array());
            }
        }
    }
}
