package dev.ebm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebm.runner.distributed.SocketGang;
import dev.ebm.runner.engine.EngineOptions;
import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.engine.EngineSession;
import dev.ebm.runner.engine.GangTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost of the synchronous step's exchange on local[2]: two workers of a barrier stage all-gather messages of a
 * gradient's size many times, through the barrier context and through a {@link SocketGang}; every worker receives
 * every message intact, in rank order. The mean wall time per
 * all-gather by message size goes to {@code target/exchange-overhead.txt} (docs/DISTRIBUTED.md quotes it).
 */
class ExchangeOverheadTest {
    /** Message sizes in bytes: a tiny MLP, the eight-gaussians example's 17,025 float32 parameters, about 1 MB. */
    static final int[] SIZES = {1_024, 68_100, 1_048_576};
    /** Rounds through the barrier context (about a second each) and through sockets. */
    static final int BARRIER_ROUNDS = 10;
    static final int SOCKET_ROUNDS = 200;

    @Test
    void twoWorkersAllGatherIntactMessagesAndTheMeanTimeIsRecorded() throws Exception {
        GangTask<double[]> barrier = gang -> measure(gang, BARRIER_ROUNDS);
        GangTask<double[]> socket = gang -> {
            try (SocketGang s = new SocketGang(gang)) {
                return measure(s, SOCKET_ROUNDS);
            }
        };
        List<double[]> barrierMs;
        List<double[]> socketMs;
        try (EngineSession session = new SparkEngine().open(new EngineOptions("local[2]", 1, "exchange"))) {
            barrierMs = session.gang(2, barrier);
            socketMs = session.gang(2, socket);
        }
        List<String> lines = new ArrayList<>();
        lines.add("bytes per worker, mean ms per all-gather of 2 workers on local[2]: barrier context ("
                + BARRIER_ROUNDS + " rounds), socket (" + SOCKET_ROUNDS + " rounds)");
        for (int s = 0; s < SIZES.length; s++) {
            lines.add(SIZES[s] + "\t" + String.format("%.2f\t%.2f", barrierMs.get(0)[s], socketMs.get(0)[s]));
            assertThat(barrierMs.get(0)[s]).as("an all-gather of " + SIZES[s] + " bytes").isLessThan(2000.0);
            assertThat(socketMs.get(0)[s]).as("a socket all-gather of " + SIZES[s] + " bytes").isLessThan(500.0);
        }
        Files.write(Path.of("target", "exchange-overhead.txt"), lines);
        System.out.println(String.join("\n", lines));
    }

    /** Mean milliseconds per all-gather of each size; checks every message received. */
    static double[] measure(Gang gang, int rounds) {
        double[] ms = new double[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            byte[] mine = new byte[SIZES[s]];
            Arrays.fill(mine, (byte) (gang.rank() + 1));
            gang.allGather(mine); // warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                byte[][] all = gang.allGather(mine);
                for (int r = 0; r < all.length; r++) {
                    if (all[r].length != SIZES[s] || all[r][SIZES[s] - 1] != (byte) (r + 1)) {
                        throw new AssertionError("worker " + gang.rank() + " got a wrong message from " + r);
                    }
                }
            }
            ms[s] = (System.nanoTime() - t0) / 1e6 / rounds;
        }
        return ms;
    }
}
