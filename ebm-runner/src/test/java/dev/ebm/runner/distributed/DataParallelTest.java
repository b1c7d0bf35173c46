package dev.ebm.runner.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.spec.ExperimentSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import dev.ebm.runner.train.Trainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Data-parallel training with workers as threads of this JVM (the engine only carries the messages): one worker is
 * bit for bit a single process; N workers' averaged gradient is the gradient of the whole batch; a run resumed from a
 * checkpoint with every worker's chains ends where the uninterrupted one did.
 */
class DataParallelTest {
    static final PluginRegistry REGISTRY = PluginRegistry.load();
    static final SpecLoader LOADER = new SpecLoader(REGISTRY);
    static final String SPEC = """
            name: dp
            seed: 11
            data: {type: eight-gaussians}
            energy: {type: mlp, hidden: [16]}
            negatives: {type: replay-buffer, capacity: 64, reinit: 0.05}
            sampler: {type: langevin, steps: 4, epsilon: 0.1}
            objective:
              - {type: ml}
              - {type: energy-l2, weight: 0.1}
            optimizer: {type: adam, lr: 1.0e-2, betas: [0.0, 0.999]}
            train: {steps: 6, batch: 16, logEvery: 1, checkpointEvery: 3, sampleEvery: 1000, evalGrid: 20,
                    evalPoints: 200}
            """;

    static ExperimentSpec spec(String... overrides) {
        return LOADER.parse(SPEC, List.of(overrides));
    }

    @Test
    void oneWorkerTrainsBitForBitAsASingleProcess(@TempDir Path tmp) throws Exception {
        ExperimentSpec local = spec();
        ExperimentSpec one = spec("train.distributed={engine: spark, workers: 1}");
        new Trainer(Experiment.build(local, REGISTRY), tmp.resolve("local"), quiet(), false).run(false, s -> {});
        ThreadGang.run(1, new TrainWorker(LOADER.toYaml(one), tmp.resolve("one"), null, false));
        for (int step : new int[] {3, 6}) {
            Map<String, byte[]> a = arrays(tmp.resolve("local/checkpoints/step-" + step));
            Map<String, byte[]> b = arrays(tmp.resolve("one/checkpoints/step-" + step));
            assertThat(b.keySet()).isEqualTo(a.keySet()).contains("params/w0.npy", "negatives/samples.npy");
            a.forEach((name, bytes) -> assertThat(b.get(name)).as(name + " at step " + step).isEqualTo(bytes));
        }
        assertThat(metricsWithoutWallTime(tmp.resolve("one"))).isEqualTo(metricsWithoutWallTime(tmp.resolve("local")))
                .hasSize(6);
    }

    @Test
    void threeWorkersAverageToTheGradientOfTheWholeBatch() throws Exception {
        averagesToTheWholeBatch(false);
    }

    @Test
    void throughSocketsTheWorkersGetTheSameBits() throws Exception {
        averagesToTheWholeBatch(true);
    }

    private void averagesToTheWholeBatch(boolean sockets) throws Exception {
        // batch 8 over 3 workers: shares 3, 3, 2, so the weights matter
        ExperimentSpec s = spec("dtype=float32");
        Experiment ex = Experiment.build(s, REGISTRY);
        Rng rng = new Rng(5);
        INDArray xPos = rng.normal(DataType.FLOAT, 8, 2).muli(2);
        INDArray xNeg = rng.normal(DataType.FLOAT, 8, 2).muli(3);
        List<INDArray> whole = new ArrayList<>();
        double wholeLoss = gradient(ex, xPos, xNeg, whole);
        int[] from = {0, 3, 6, 8};
        List<double[]> losses = ThreadGang.run(3, gang -> {
            int r = gang.rank();
            INDArray p = xPos.get(NDArrayIndex.interval(from[r], from[r + 1]), NDArrayIndex.all()).dup();
            INDArray n = xNeg.get(NDArrayIndex.interval(from[r], from[r + 1]), NDArrayIndex.all()).dup();
            List<INDArray> g = new ArrayList<>();
            double[] m = {gradient(ex, p, n, g)};
            SocketGang socket = sockets ? new SocketGang(gang) : null;
            GangReplicas replicas = new GangReplicas(sockets ? socket : gang, 8);
            assertThat(replicas.share(8)).isEqualTo(from[r + 1] - from[r]);
            replicas.average(g, m);
            if (socket != null) {
                socket.close();
            }
            double[] out = new double[1 + (int) g.stream().mapToLong(INDArray::length).sum()];
            out[0] = m[0];
            int k = 1;
            for (INDArray a : g) {
                for (double v : a.dup('c').data().asDouble()) {
                    out[k++] = v;
                }
            }
            return out;
        });
        double[] expected = new double[losses.get(0).length];
        expected[0] = wholeLoss;
        int k = 1;
        for (INDArray a : whole) {
            for (double v : a.dup('c').data().asDouble()) {
                expected[k++] = v;
            }
        }
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (double[] got : losses) {
            assertThat(got).as("every worker gets the same numbers").isEqualTo(losses.get(0));
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("entry " + i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(
                        2e-6 * scale));
            }
        }
        // and not trivially: the shards' own gradients differ from the whole batch's
        List<INDArray> firstShard = new ArrayList<>();
        gradient(ex, xPos.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()).dup(),
                xNeg.get(NDArrayIndex.interval(0, 3), NDArrayIndex.all()).dup(), firstShard);
        assertThat(firstShard.get(0).sub(whole.get(0)).norm2Number().doubleValue()).isGreaterThan(1e-3 * scale);
    }

    @Test
    void twoWorkersResumeFromACheckpointOfBothWorkersChainsAsIfUninterrupted(@TempDir Path tmp) throws Exception {
        ExperimentSpec two = spec("train.distributed={engine: spark, workers: 2}");
        String yaml = LOADER.toYaml(two);
        ThreadGang.run(2, new TrainWorker(yaml, tmp.resolve("full"), null, false));
        Path step3 = tmp.resolve("full/checkpoints/step-3");
        Map<String, byte[]> at3 = arrays(step3);
        assertThat(at3).containsKeys("negatives/samples.npy", "worker1.negatives/samples.npy");
        assertThat(at3.get("worker1.negatives/samples.npy")).as("each worker has its own chains")
                .isNotEqualTo(at3.get("negatives/samples.npy"));
        assertThat(Files.readString(step3.resolve("manifest.json"))).contains("\"workers\" : 2");
        // a run cut back to step 3 continues from it
        Path cut = tmp.resolve("cut");
        copy(step3, cut.resolve("checkpoints/step-3"));
        ThreadGang.run(2, new TrainWorker(yaml, cut, cut.resolve("checkpoints/step-3"), false));
        Map<String, byte[]> a = arrays(tmp.resolve("full/checkpoints/step-6"));
        Map<String, byte[]> b = arrays(cut.resolve("checkpoints/step-6"));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        // worker 1 restores its own chains; a checkpoint of two workers is refused to three
        ObjectNode meta = new ObjectMapper().createObjectNode().put(GangReplicas.WORKERS, 2);
        Map<String, Map<String, INDArray>> parts = Map.of("params", Map.of(), "negatives",
                Map.of("samples", Nd4j.zeros(1)), "worker1.negatives", Map.of("samples", Nd4j.ones(1)));
        assertThat(ThreadGang.run(2, gang -> new GangReplicas(gang, 4).localView(parts, meta).get("negatives")
                .get("samples").getDouble(0))).containsExactly(0.0, 1.0);
        assertThatThrownBy(() -> ThreadGang.run(3, gang -> new GangReplicas(gang, 6).localView(parts, meta).size()))
                .hasStackTraceContaining("the checkpoint was written by 2 worker(s); train.distributed.workers is 3");
    }

    @Test
    void theSpecRefusesSharesOfChainsUnlikeTheSharesOfTheBatch() {
        assertThatThrownBy(() -> spec("train.distributed={engine: spark, workers: 3}", "train.chains=12"))
                .isInstanceOf(SpecException.class).hasMessageContaining("train.chains: must equal batch, or batch "
                        + "and chains must both be multiples of distributed.workers = 3");
        assertThatThrownBy(() -> spec("train.distributed={workers: 0}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("train.distributed.engine: is required")
                .hasMessageContaining("train.distributed.workers: must be >= 1, found 0");
        assertThat(spec("train.distributed={engine: spark, workers: 4}", "train.chains=8").train().distributed()
                .threads()).isEqualTo(1);
    }

    /** The loss ml + 0.1 energy-l2 on x+ and x−, its gradients put into {@code grads}. */
    private static double gradient(Experiment ex, INDArray xPos, INDArray xNeg, List<INDArray> grads) {
        TrainBatch batch = new TrainBatch(Tensor.constant(xPos), Tensor.constant(xNeg), ex.energy, null, null,
                Target.of(ex.energy), new Rng(1));
        Tensor loss = null;
        try (GradMode.Scope on = GradMode.on()) {
            for (Experiment.Term t : ex.terms) {
                Tensor l = t.term().loss(batch).mul(t.weight());
                loss = loss == null ? l : loss.add(l);
            }
        }
        for (Tensor g : Autodiff.grad(loss, ex.trainable.tensors(), false)) {
            grads.add(g.value().dup());
        }
        return loss.item();
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** The .npy files of a checkpoint by relative path (the manifest's metadata differs: it names the workers). */
    static Map<String, byte[]> arrays(Path checkpoint) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(checkpoint)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".npy")).toList()) {
                out.put(checkpoint.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static List<String> metricsWithoutWallTime(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(",\"wall_s\":[^,}]*", "")).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
