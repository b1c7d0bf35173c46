package dev.ebm.energies;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Constant arrays of an analytic energy, made once per data type outside any workspace. */
final class AnalyticConstants<T> {
    private final Function<DataType, T> make;
    private final Map<DataType, T> byType = new EnumMap<>(DataType.class);

    AnalyticConstants(Function<DataType, T> make) {
        this.make = make;
    }

    synchronized T get(DataType dtype) {
        T t = byType.get(dtype);
        if (t == null) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                t = make.apply(dtype);
            }
            byType.put(dtype, t);
        }
        return t;
    }

    /** A row vector {@code [1, n]}. */
    static INDArray row(double[] v, DataType dtype) {
        return Nd4j.createFromArray(v).reshape(1, v.length).castTo(dtype);
    }

    /** A matrix from rows. */
    static INDArray matrix(double[][] m, DataType dtype) {
        return Nd4j.createFromArray(m).castTo(dtype);
    }
}
