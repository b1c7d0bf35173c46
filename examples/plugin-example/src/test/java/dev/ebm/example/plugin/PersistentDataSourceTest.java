package dev.ebm.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.api.Rng;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Chains start at the data, persist, restart at the data at the declared rate, and survive a checkpoint. */
class PersistentDataSourceTest {

    @Test
    void chainsStartAtTheDataThenPersistAndRestartAtTheDeclaredRate() {
        int n = 20_000;
        PersistentDataSource s = new PersistentDataSource(0.1);
        INDArray data = Nd4j.rand(DataType.DOUBLE, n, 2).addi(10);
        INDArray x0 = s.draw(n, data, new Rng(1));
        assertThat(x0).isEqualTo(data);
        INDArray moved = Nd4j.zeros(DataType.DOUBLE, n, 2);
        s.accept(moved, new Rng(2));
        INDArray x1 = s.draw(n, data, new Rng(3));
        double restarted = x1.getColumn(0).gt(5).castTo(DataType.DOUBLE).sumNumber().doubleValue();
        // Binomial(20000, 0.1): mean 2000, sd 42.4
        assertThat(restarted).isBetween(2000 - 4 * 42.4, 2000 + 4 * 42.4);
    }

    @Test
    void stateRoundTripsThroughACheckpoint() {
        PersistentDataSource a = new PersistentDataSource(0.3);
        INDArray data = Nd4j.rand(DataType.FLOAT, 64, 3);
        a.draw(64, data, new Rng(1));
        a.accept(Nd4j.rand(DataType.FLOAT, 64, 3), new Rng(2));
        Map<String, INDArray> saved = Map.of("chains", a.state().get("chains").dup());
        PersistentDataSource b = new PersistentDataSource(0.3);
        b.restore(saved);
        assertThat(b.draw(64, data, new Rng(7))).isEqualTo(a.draw(64, data, new Rng(7)));
    }
}
