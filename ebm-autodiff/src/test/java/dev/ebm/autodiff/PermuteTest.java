package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class PermuteTest {

    @Test
    void permuteMovesEveryElementWhereNumpyTransposePutsIt() {
        Tensor x = Tensor.constant(Nd4j.arange(24).castTo(DataType.DOUBLE).reshape(2, 3, 4));
        Tensor y = x.permute(2, 0, 1);
        assertThat(y.shape()).containsExactly(4, 2, 3);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(y.value().getDouble(c, a, b)).isEqualTo(x.value().getDouble(a, b, c));
                }
            }
        }
        assertThatThrownBy(() -> x.permute(0, 0, 1)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> x.permute(0, 1)).hasMessageContaining("needs 3 axes");
    }
}
