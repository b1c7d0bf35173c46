package dev.ebm.example.plugin;

import dev.ebm.api.NegativeSource;
import dev.ebm.api.Rng;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Persistent chains started at the data ({@link dev.ebm.example.plugin.spec.PersistentDataSpec}). The source keeps
 * the chains' last positions as its state ({@code chains}, [n, ...sample shape]); a draw of another number of chains
 * than it keeps starts them all at the data again.
 */
public final class PersistentDataSource implements NegativeSource {
    private final double resetToData;
    private INDArray chains;

    public PersistentDataSource(double resetToData) {
        this.resetToData = resetToData;
    }

    @Override
    public INDArray draw(int n, INDArray data, Rng rng) {
        long b = data.size(0);
        boolean fresh = chains == null || chains.size(0) != n;
        double[] u = rng.uniform(DataType.DOUBLE, n).toDoubleVector();
        INDArray out = fresh ? Nd4j.create(data.dataType(), shape(n, data)) : chains.castTo(data.dataType()).dup();
        long d = data.length() / b;
        INDArray rows = out.reshape('c', n, d);
        INDArray source = data.reshape('c', b, d);
        for (int i = 0; i < n; i++) {
            if (fresh || u[i] < resetToData) {
                long j = fresh && n <= b ? i : rng.nextInt((int) b);
                rows.putRow(i, source.getRow(j));
            }
        }
        return rows.reshape('c', shape(n, data));
    }

    private static long[] shape(int n, INDArray data) {
        long[] s = data.shape().clone();
        s[0] = n;
        return s;
    }

    /**
     * Keeps a copy of the chains' end points. The trainer runs each step inside an ND4J workspace whose arrays are
     * reused by the next step, so an array kept across steps is {@linkplain INDArray#detach() detached} from it.
     */
    @Override
    public void accept(INDArray samples, Rng rng) {
        chains = samples.detach();
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public Map<String, INDArray> state() {
        return chains == null ? Map.of() : Map.of("chains", chains);
    }

    @Override
    public void restore(Map<String, INDArray> state) {
        INDArray saved = state.get("chains");
        chains = saved == null ? null : saved.detach();
    }

    /** The probability per chain and draw of restarting at the data. */
    public double resetToData() {
        return resetToData;
    }
}
