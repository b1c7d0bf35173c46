package dev.ebm.runner.classifier;

import dev.ebm.api.Box;
import dev.ebm.api.LabelledData;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.train.StepWorkspace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A trained evaluation classifier: class probabilities and penultimate-layer features of image samples in any
 * scale. Samples are mapped to the classifier's unit scale through the box of the data they came from:
 * u = (x − low)/(high − low) per coordinate (so unit-scale [0, 1] and symmetric [−1, 1] runs are scored alike).
 *
 * @param net the network (its parameters are not changed here)
 * @param testAccuracy the share of the test split it classified correctly when it was trained
 */
public record Classifier(ClassifierNet net, double testAccuracy) {
    private static final int CHUNK = 500;

    /** Probabilities, argmax classes and features of a set of samples. */
    public record Classified(double[][] probabilities, int[] classes, INDArray features) {}

    /**
     * Classifies {@code x} {@code [n, C, H, W]} (or flattened), whose values live in {@code bounds}.
     *
     * @return probabilities {@code [n][K]} (float64 copies), argmax classes, and features {@code [n, d]} (float32,
     *     allocated outside any workspace, owned by the caller)
     */
    public Classified classify(INDArray x, Box bounds) {
        int n = (int) x.size(0);
        int k = net.classes();
        long size = x.length() / Math.max(n, 1);
        if (bounds.dim() != size) {
            throw new IllegalArgumentException("samples have " + size + " coordinates but the box has "
                    + bounds.dim());
        }
        double[][] probs = new double[n][];
        int[] classes = new int[n];
        INDArray features;
        try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            features = Nd4j.zeros(DataType.FLOAT, n, net.config().features());
        }
        INDArray flat = x.reshape(n, size);
        UnitMap map = UnitMap.of(bounds);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (MemoryWorkspace ws = StepWorkspace.open("classifier-eval");
                    GradMode.Scope off = GradMode.off()) {
                float[] unit = map.apply(flat.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())).data()
                        .asFloat();
                ClassifierNet.Output out = net.forward(unit, to - from);
                INDArray p = Transforms.exp(out.logits().logSoftmax(1).value(), true).castTo(DataType.DOUBLE);
                double[][] rows = p.toDoubleMatrix();
                for (int i = 0; i < rows.length; i++) {
                    probs[from + i] = rows[i];
                    int best = 0;
                    for (int c = 1; c < k; c++) {
                        if (rows[i][c] > rows[i][best]) {
                            best = c;
                        }
                    }
                    classes[from + i] = best;
                }
                features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(out.features().value());
            }
        }
        return new Classified(probs, classes, features);
    }

    /** The share of {@code data}'s samples whose argmax class is their label. */
    public double accuracy(LabelledData data) {
        int[] labels = data.labels();
        int right = 0;
        for (int from = 0; from < labels.length; from += 5000) {
            int to = Math.min(labels.length, from + 5000);
            int[] predicted = classify(data.samples(from, to, DataType.FLOAT), data.bounds()).classes();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == labels[from + i]) {
                    right++;
                }
            }
        }
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }

    /** The affine map of a box to the unit cube, as ND4J ops on rows. */
    record UnitMap(double lo, double width, INDArray low, INDArray widths) {
        static UnitMap of(Box b) {
            double[] l = b.low();
            double[] h = b.high();
            boolean uniform = true;
            for (int i = 1; i < l.length && uniform; i++) {
                uniform = l[i] == l[0] && h[i] == h[0];
            }
            if (uniform) {
                return new UnitMap(l[0], h[0] - l[0], null, null);
            }
            double[] w = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                w[i] = h[i] - l[i];
            }
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return new UnitMap(0, 1, Nd4j.createFromArray(l).castTo(DataType.FLOAT).reshape(1, l.length),
                        Nd4j.createFromArray(w).castTo(DataType.FLOAT).reshape(1, l.length));
            }
        }

        /** A fresh float32 array of the rows of {@code x} mapped to the unit scale (c order). */
        INDArray apply(INDArray x) {
            INDArray f = x.castTo(DataType.FLOAT).dup('c');
            if (low == null) {
                return lo == 0 && width == 1 ? f : f.subi(lo).divi(width);
            }
            return f.subiRowVector(low).diviRowVector(widths);
        }
    }
}
