package dev.ebm.runner.distributed;

import dev.ebm.runner.engine.Gang;
import dev.ebm.runner.engine.GangException;
import dev.ebm.runner.engine.GangTask;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A gang of threads in this JVM, for tests of what runs in workers without an engine. */
final class ThreadGang {
    private ThreadGang() {}

    static <T extends Serializable> List<T> run(int n, GangTask<T> task) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(n);
        byte[][][] slot = new byte[1][][];
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rank = r;
                futures.add(pool.submit(() -> task.run(new Gang() {
                    @Override
                    public int rank() {
                        return rank;
                    }

                    @Override
                    public int size() {
                        return n;
                    }

                    @Override
                    public int attempt() {
                        return 0;
                    }

                    @Override
                    public byte[][] allGather(byte[] message) {
                        try {
                            if (barrier.await(300, TimeUnit.SECONDS) == 0) {
                                slot[0] = new byte[n][];
                            }
                            barrier.await(300, TimeUnit.SECONDS);
                            slot[0][rank] = message;
                            barrier.await(300, TimeUnit.SECONDS);
                            byte[][] all = slot[0].clone();
                            barrier.await(300, TimeUnit.SECONDS);
                            return all;
                        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                            throw new GangException("thread gang: " + e, e);
                        }
                    }
                })));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(600, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
