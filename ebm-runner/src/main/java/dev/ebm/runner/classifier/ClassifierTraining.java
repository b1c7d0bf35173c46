package dev.ebm.runner.classifier;

import dev.ebm.api.LabelledData;
import dev.ebm.api.Optimizer;
import dev.ebm.api.Rng;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.optim.AdamProvider;
import dev.ebm.runner.optim.AdamSpec;
import dev.ebm.runner.train.Progress;
import dev.ebm.runner.train.StepWorkspace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link ClassifierNet} on a labelled training split by minimising the mean cross-entropy
 * −(1/B) Σ log softmax(logits)[label] with Adam (β = (0.9, 0.999), cosine decay of the rate to 0 over all steps),
 * then measures its accuracy on the test split.
 *
 * <p>Deterministic for a fixed configuration: the initialisation is {@code Rng(seed).fork(0)} and the order of
 * epoch e is a Fisher–Yates shuffle with {@code Rng(seed).fork(1 + e)}. Each step runs in an ND4J workspace; the
 * training split is held once in float32, unit scale, on the Java heap (188 MB for MNIST).
 */
public final class ClassifierTraining {
    private ClassifierTraining() {}

    /** What training produced: the classifier, its wall time and the mean loss of each epoch. */
    public record Result(Classifier classifier, double seconds, List<Double> epochLosses) {}

    /**
     * @param train the training split (unit scale)
     * @param test the test split its accuracy is measured on
     */
    public static Result train(LabelledData train, LabelledData test, ClassifierConfig config, PrintStream out,
            boolean terminal) {
        long start = System.nanoTime();
        long[] shape = train.sampleShape();
        int n = train.size();
        int k = train.classes();
        int[] labels = train.labels();
        int size = train.bounds().dim();
        float[] x = unitImages(train);
        Rng root = new Rng(config.seed());
        ClassifierNet net = new ClassifierNet(config, shape, k, root.fork(0));
        int perEpoch = (n + config.batch() - 1) / config.batch();
        int total = perEpoch * config.epochs();
        Optimizer adam = new AdamProvider().create(new AdamSpec(config.lr(), List.of(0.9, 0.999), null, null,
                "cosine", total, 0.0), null);
        List<Tensor> params = net.parameters().tensors();
        List<INDArray> values = new ArrayList<>();
        for (Tensor p : params) {
            values.add(p.value());
        }
        List<Double> epochLosses = new ArrayList<>();
        try (Progress progress = new Progress("classifier", 0, total, terminal, out)) {
            int step = 0;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                int[] order = permutation(n, root.fork(1 + epoch));
                double lossSum = 0;
                for (int b = 0; b < perEpoch; b++) {
                    int from = b * config.batch();
                    int[] idx = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + config.batch()));
                    double loss;
                    try (MemoryWorkspace ws = StepWorkspace.open("classifier-train")) {
                        float[] xb = new float[idx.length * size];
                        for (int i = 0; i < idx.length; i++) {
                            System.arraycopy(x, idx[i] * size, xb, i * size, size);
                        }
                        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, idx.length, k);
                        for (int i = 0; i < idx.length; i++) {
                            oneHot.putScalar(i, labels[idx[i]], 1.0);
                        }
                        Tensor l;
                        try (GradMode.Scope on = GradMode.on()) {
                            Tensor logits = net.forward(xb, idx.length).logits();
                            l = logits.logSoftmax(1).mul(Tensor.constant(oneHot)).sum().mul(-1.0 / idx.length);
                        }
                        List<Tensor> grads = Autodiff.grad(l, params, false);
                        List<INDArray> gv = new ArrayList<>();
                        for (Tensor g : grads) {
                            gv.add(g.value());
                        }
                        try (GradMode.Scope off = GradMode.off()) {
                            adam.step(values, gv);
                        }
                        loss = l.item();
                    }
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException("classifier training diverged at epoch " + (epoch + 1)
                                + ", step " + (b + 1) + ": loss " + loss);
                    }
                    lossSum += loss;
                    step++;
                    progress.update(step, String.format("epoch %d/%d  loss %.4f", epoch + 1, config.epochs(),
                            lossSum / (b + 1)));
                }
                epochLosses.add(lossSum / perEpoch);
            }
        }
        Classifier trained = new Classifier(net, Double.NaN);
        double accuracy = trained.accuracy(test);
        return new Result(new Classifier(net, accuracy), (System.nanoTime() - start) / 1e9, epochLosses);
    }

    /** The images of {@code data} in the unit scale, flattened into one float array (Java heap). */
    static float[] unitImages(LabelledData data) {
        int n = data.size();
        int size = data.bounds().dim();
        float[] out = new float[n * size];
        Classifier.UnitMap map = Classifier.UnitMap.of(data.bounds());
        for (int from = 0; from < n; from += 5000) {
            int to = Math.min(n, from + 5000);
            try (MemoryWorkspace ws = StepWorkspace.open("classifier-load")) {
                float[] part = map.apply(data.samples(from, to, DataType.FLOAT).reshape(to - from, size)).data()
                        .asFloat();
                System.arraycopy(part, 0, out, from * size, part.length);
            }
        }
        return out;
    }

    /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
    static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
