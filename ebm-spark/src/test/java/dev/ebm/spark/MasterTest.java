package dev.ebm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MasterTest {
    @Test
    void localMastersNeverExceedTheMachinesCores() {
        assertThat(Master.parse("local[2]", 2)).isEqualTo(new Master("local[2]", true, 2, java.util.Optional.empty()));
        assertThat(Master.parse("local", 8).cores()).isEqualTo(1);
        assertThat(Master.parse("local[*]", 6).url()).isEqualTo("local[6]");
        Master big = Master.parse("local[16, 3]", 2);
        assertThat(big.url()).isEqualTo("local[2,3]");
        assertThat(big.note()).hasValue("--master local[16, 3] asks for 16 cores; this machine has 2: using local[2,3]");
    }

    @Test
    void clusterMastersPassThroughAndOthersAreRefused() {
        assertThat(Master.parse("spark://head:7077", 2)).extracting(Master::url, Master::local)
                .containsExactly("spark://head:7077", false);
        assertThat(Master.parse("k8s://https://10.0.0.1:6443", 2).local()).isFalse();
        assertThatThrownBy(() -> Master.parse("local[0]", 2)).hasMessageContaining("local[N] needs N >= 1");
        assertThatThrownBy(() -> Master.parse("spark:/x", 2)).hasMessageContaining("unknown Spark master 'spark:/x'");
    }
}
