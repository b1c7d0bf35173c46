package dev.ebm.api;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data source backed by a finite set of labelled samples (image data sets such as MNIST), which evaluation reads
 * in order: a classifier is trained on one split and sample sets are scored against another.
 */
public interface LabelledData extends DataSource {

    /** The number of samples, after the source's filters (class filter, limit). */
    int size();

    /**
     * Samples {@code [from, to)} in the source's fixed order, scaled as the source's spec asks but never dequantized:
     * a fresh array {@code [to − from, ...sample shape]}.
     */
    INDArray samples(int from, int to, DataType dtype);

    /** The class label of each sample, in the order of {@link #samples}; a fresh array of {@link #size()} entries. */
    int[] labels();

    /** The number of classes (10 for MNIST), so labels lie in {@code [0, classes)}. */
    int classes();

    /** A readable name per class, for reports; by default the class numbers. */
    default List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes(); i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
