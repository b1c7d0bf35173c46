package dev.ebm.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Box;
import dev.ebm.api.DataSource;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every {@link DataSource} must meet, and every {@link LabelledData} in addition. Extend it in your
 * plugin's tests:
 *
 * <pre>{@code
 * class MyDataContractTest extends DataSourceContract {
 *     protected DataSource source() { return new MyDataProvider().create(new MyDataSpec(...), context); }
 * }
 * }</pre>
 *
 * <p>It checks that batches have shape {@code [n, ...sampleShape()]} and the asked data type, with finite values;
 * that a batch is a function of the {@link Rng} alone (same state, same batch; another seed, another batch); that
 * {@link DataSource#bounds()} has one interval per flattened coordinate and holds at least
 * {@link #boundsCoverage()} of the coordinate values of {@value #POINTS} drawn points (per value, not per point,
 * so that the check means the same for 2-D and for 784-pixel images). For {@link LabelledData}: labels lie in
 * {@code [0, classes)}, one per sample; {@code samples(from, to)} has {@code to − from} rows of the sample shape;
 * there is one class name per class.
 */
public abstract class DataSourceContract {
    /** Points drawn for the bounds check. */
    public static final int POINTS = 2000;

    /** The data source under test. */
    protected abstract DataSource source();

    /** The share of drawn points the bounds must hold (default 0.99: "nearly all the data"). */
    protected double boundsCoverage() {
        return 0.99;
    }

    /** The seed of every check's generator. */
    protected long seed() {
        return 20_241_205L;
    }

    @Test
    public void batchesHaveTheSampleShapeAndTheAskedDataType() {
        DataSource d = source();
        long[] shape = d.sampleShape();
        assertThat(shape).as("sample shape").isNotEmpty();
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray b = d.batch(7, new Rng(seed()), dtype);
            long[] expected = new long[shape.length + 1];
            expected[0] = 7;
            System.arraycopy(shape, 0, expected, 1, shape.length);
            assertThat(b.shape()).as("shape of a batch of 7 in %s", dtype).containsExactly(expected);
            assertThat(b.dataType()).as("data type of the batch").isEqualTo(dtype);
            for (double v : Stats.doubles(b)) {
                assertThat(v).as("a data value").isFinite();
            }
        }
    }

    @Test
    public void aBatchIsAFunctionOfTheGenerator() {
        DataSource d = source();
        double[] a = Stats.doubles(d.batch(32, new Rng(seed()), DataType.DOUBLE));
        assertThat(Stats.doubles(d.batch(32, new Rng(seed()), DataType.DOUBLE)))
                .as("a batch from a generator in the same state").containsExactly(a);
        assertThat(Stats.doubles(d.batch(32, new Rng(seed() + 1), DataType.DOUBLE)))
                .as("a batch from another seed").isNotEqualTo(a);
    }

    @Test
    public void theBoundsHoldNearlyAllTheData() {
        DataSource d = source();
        Box box = d.bounds();
        long size = 1;
        for (long s : d.sampleShape()) {
            size *= s;
        }
        assertThat((long) box.dim()).as("coordinates of the bounds").isEqualTo(size);
        INDArray x = d.batch(POINTS, new Rng(seed()), DataType.DOUBLE);
        double[] v = Stats.doubles(x);
        long inside = 0;
        int worst = -1;
        long worstOut = 0;
        for (int j = 0; j < size; j++) {
            long out = 0;
            for (int i = 0; i < POINTS; i++) {
                double c = v[(int) (i * size + j)];
                out += c >= box.low()[j] && c <= box.high()[j] ? 0 : 1;
            }
            inside += POINTS - out;
            if (out > worstOut) {
                worst = j;
                worstOut = out;
            }
        }
        double share = inside / (double) (POINTS * size);
        assertThat(share).as("share of the coordinates of %d drawn points inside their bounds (worst: coordinate %d, "
                + "[%s, %s], with %d of %d outside)", POINTS, worst, worst < 0 ? "-" : box.low()[worst],
                worst < 0 ? "-" : box.high()[worst], worstOut, POINTS).isGreaterThanOrEqualTo(boundsCoverage());
    }

    @Test
    public void labelledDataHasConsistentSizesAndLabelsInRange() {
        DataSource d = source();
        Assumptions.assumeTrue(d instanceof LabelledData, "not labelled data");
        LabelledData l = (LabelledData) d;
        int[] labels = l.labels();
        assertThat(labels).as("labels, one per sample").hasSize(l.size());
        assertThat(l.classes()).as("classes").isPositive();
        for (int y : labels) {
            assertThat(y).as("a label").isBetween(0, l.classes() - 1);
        }
        int to = Math.min(l.size(), 5);
        INDArray s = l.samples(0, to, DataType.FLOAT);
        assertThat(s.size(0)).as("rows of samples(0, %d)", to).isEqualTo(to);
        assertThat(java.util.Arrays.copyOfRange(s.shape(), 1, s.rank())).as("sample shape of samples()")
                .containsExactly(l.sampleShape());
        List<String> names = l.classNames();
        assertThat(names).as("class names").hasSize(l.classes());
    }
}
