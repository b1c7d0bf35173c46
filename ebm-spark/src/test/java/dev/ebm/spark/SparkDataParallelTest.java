package dev.ebm.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.Rng;
import dev.ebm.api.Target;
import dev.ebm.api.TrainBatch;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import dev.ebm.runner.distributed.GangReplicas;
import dev.ebm.runner.engine.EngineOptions;
import dev.ebm.runner.engine.EngineSession;
import dev.ebm.runner.engine.GangTask;
import dev.ebm.runner.spec.SpecLoader;
import dev.ebm.runner.train.Experiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data-parallel training on Spark's local[N]: one worker is bit for bit a single process; two workers' averaged
 * gradient, exchanged through the barrier stage's all-gather, is the gradient of the whole batch; a two-worker run
 * resumes from its checkpoint as if uninterrupted.
 */
class SparkDataParallelTest {
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
            train: {steps: 6, batch: 16, logEvery: 1, checkpointEvery: 3, sampleEvery: 3, evalGrid: 20,
                    evalPoints: 200}
            """;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneSparkWorkerTrainsBitForBitAsBinEbmTrain(@TempDir Path tmp) throws Exception {
        Path launcher = Ebm.launcher(tmp);
        Path spec = tmp.resolve("dp.yaml");
        Files.writeString(spec, SPEC);
        Ebm.Result local = Ebm.run(launcher, "train", spec.toString(), "--out", tmp.resolve("local").toString());
        assertThat(local.code()).as(local.err()).isZero();
        Ebm.Result one = Ebm.run(launcher, "train", spec.toString(), "--out", tmp.resolve("one").toString(),
                "--set", "train.distributed={engine: spark, workers: 1, master: 'local[1]'}");
        assertThat(one.code()).as(one.out() + one.err()).isZero();
        for (String step : List.of("step-3", "step-6")) {
            Map<String, byte[]> a = arrays(tmp.resolve("local/checkpoints").resolve(step));
            Map<String, byte[]> b = arrays(tmp.resolve("one/checkpoints").resolve(step));
            assertThat(b.keySet()).isEqualTo(a.keySet()).contains("params/w0.npy", "negatives/samples.npy");
            a.forEach((name, bytes) -> assertThat(b.get(name)).as(name + " at " + step).isEqualTo(bytes));
        }
        assertThat(metrics(tmp.resolve("one"))).isEqualTo(metrics(tmp.resolve("local"))).hasSize(6);
        var evalLocal = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(tmp.resolve("local/eval.json")
                .toFile());
        var evalOne = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(tmp.resolve("one/eval.json")
                .toFile());
        evalLocal.remove(List.of("train_wall_s", "train_cpu_s"));
        evalOne.remove(List.of("train_wall_s", "train_cpu_s"));
        assertThat(evalOne).isEqualTo(evalLocal);
        assertThat(tmp.resolve("one/samples/step-3.png")).isNotEmptyFile();
        assertThat(Files.readString(tmp.resolve("one/run.log"))).contains("data-parallel training: 1 workers on spark");
    }

    @Test
    void twoSparkWorkersAverageToTheGradientOfTheWholeBatch() throws Exception {
        SpecLoader loader = new SpecLoader(PluginRegistry.load());
        String yaml = loader.toYaml(loader.parse(SPEC, List.of()));
        Rng rng = new Rng(5);
        float[] pos = rng.normal(DataType.FLOAT, 10, 2).muli(2).data().asFloat();
        float[] neg = rng.normal(DataType.FLOAT, 10, 2).muli(3).data().asFloat();
        double[] whole = gradient(yaml, pos, neg, 0, 10);
        // batch 10 over 2 workers: rows 0-4 and 5-9
        GangTask<double[]> task = gang -> {
            int from = gang.rank() * 5;
            double[] mine = gradient(yaml, pos, neg, from, from + 5);
            List<INDArray> g = List.of(Nd4j.create(java.util.Arrays.copyOfRange(mine, 1, mine.length)));
            double[] m = {mine[0]};
            new GangReplicas(gang, 10).average(g, m);
            double[] out = new double[mine.length];
            out[0] = m[0];
            System.arraycopy(g.get(0).data().asDouble(), 0, out, 1, mine.length - 1);
            return out;
        };
        List<double[]> got;
        try (EngineSession session = new SparkEngine().open(new EngineOptions("local[2]", 1, "gradient test"))) {
            got = session.gang(2, task);
        }
        double scale = java.util.Arrays.stream(whole).map(Math::abs).max().orElseThrow();
        assertThat(got.get(1)).as("both workers get the same numbers").isEqualTo(got.get(0));
        for (int i = 0; i < whole.length; i++) {
            assertThat(got.get(0)[i]).as("entry " + i).isCloseTo(whole[i], org.assertj.core.data.Offset.offset(
                    2e-6 * scale));
        }
        double[] half = gradient(yaml, pos, neg, 0, 5);
        assertThat(Math.abs(half[1] - whole[1]) + Math.abs(half[2] - whole[2])).isGreaterThan(1e-4 * scale);
    }

    @Test
    void twoSparkWorkersResumeFromTheirCheckpointAsIfUninterruptedAndSocketsChangeNoBit(@TempDir Path tmp) throws Exception {
        Path launcher = Ebm.launcher(tmp);
        Path spec = tmp.resolve("dp.yaml");
        Files.writeString(spec, SPEC.replace("evalPoints: 200}", "evalPoints: 200,\n"
                + "        distributed: {engine: spark, workers: 2, master: 'local[2]'}}"));
        Path full = tmp.resolve("full");
        Ebm.Result first = Ebm.run(launcher, "train", spec.toString(), "--out", full.toString());
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(arrays(full.resolve("checkpoints/step-3"))).containsKeys("negatives/samples.npy",
                "worker1.negatives/samples.npy");
        Path cut = tmp.resolve("cut");
        copyTree(full, cut);
        Files.delete(cut.resolve("eval.json"));
        deleteTree(cut.resolve("checkpoints/step-6"));
        Ebm.Result resumed = Ebm.run(launcher, "train", spec.toString(), "--out", cut.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from checkpoints/step-3 (step 3)");
        Map<String, byte[]> a = arrays(full.resolve("checkpoints/step-6"));
        Map<String, byte[]> b = arrays(cut.resolve("checkpoints/step-6"));
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        assertThat(metrics(cut)).isEqualTo(metrics(full));
        // the same run with the gradients exchanged over sockets: the same bits
        Path sockets = tmp.resolve("sockets");
        Ebm.Result viaSockets = Ebm.run(launcher, "train", spec.toString(), "--out", sockets.toString(), "--set",
                "train.distributed.exchange=socket");
        assertThat(viaSockets.code()).as(viaSockets.out() + viaSockets.err()).isZero();
        Map<String, byte[]> c = arrays(sockets.resolve("checkpoints/step-6"));
        a.forEach((name, bytes) -> assertThat(c.get(name)).as("socket " + name).isEqualTo(bytes));
        assertThat(Files.readString(sockets.resolve("run.log"))).contains("(socket exchange;");
        // three workers cannot take over the chains of two
        Ebm.Result three = Ebm.run(launcher, "train", spec.toString(), "--out", cut.toString(), "--resume", "--set",
                "train.distributed.workers=3");
        assertThat(three.code()).isEqualTo(2);
        assertThat(three.err()).contains("train.distributed.workers: is 3, but checkpoints/step-6 holds the chains "
                + "of 2 worker(s)");
    }

    /** [loss, gradient of the first layer's weights...] of ml + 0.1 energy-l2 on rows [from, to). */
    static double[] gradient(String yaml, float[] pos, float[] neg, int from, int to) {
        PluginRegistry registry = PluginRegistry.load();
        Experiment ex = Experiment.build(new SpecLoader(registry).parse(yaml, List.of()), registry);
        INDArray p = Nd4j.create(pos, new long[] {pos.length / 2, 2}, 'c').getRows(range(from, to));
        INDArray n = Nd4j.create(neg, new long[] {neg.length / 2, 2}, 'c').getRows(range(from, to));
        TrainBatch batch = new TrainBatch(Tensor.constant(p), Tensor.constant(n), ex.energy, null, null,
                Target.of(ex.energy), new Rng(1));
        Tensor loss = null;
        try (GradMode.Scope on = GradMode.on()) {
            for (Experiment.Term t : ex.terms) {
                Tensor l = t.term().loss(batch).mul(t.weight());
                loss = loss == null ? l : loss.add(l);
            }
        }
        INDArray g = Autodiff.grad(loss, ex.trainable.tensors(), false).get(0).value().dup('c');
        double[] out = new double[1 + (int) g.length()];
        out[0] = loss.item();
        System.arraycopy(g.castTo(DataType.DOUBLE).data().asDouble(), 0, out, 1, (int) g.length());
        return out;
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    static Map<String, byte[]> arrays(Path checkpoint) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(checkpoint)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".npy")).toList()) {
                out.put(checkpoint.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static List<String> metrics(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(",\"wall_s\":[^,}]*", "")).toList();
    }

    static void copyTree(Path from, Path to) throws IOException {
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

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
