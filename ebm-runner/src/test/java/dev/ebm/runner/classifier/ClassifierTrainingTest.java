package dev.ebm.runner.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ClassifierTrainingTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    static LabelledData synthetic(String fields) throws Exception {
        DataSpec s = new SpecBinder(REGISTRY).bind(new ObjectMapper().readTree("{\"type\": \"synthetic-images\""
                + (fields.isEmpty() ? "" : ", " + fields) + "}"), DataSpec.class);
        return REGISTRY.create(s, new PluginContext(DataType.FLOAT, new long[0], null, REGISTRY, new Rng(0)));
    }

    @Test
    void reachesHighAccuracyOnSyntheticImagesAndScoresAnyScale() throws Exception {
        LabelledData train = synthetic("\"size\": 16, \"limit\": 4000");
        LabelledData test = synthetic("\"size\": 16, \"split\": \"test\"");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ClassifierTraining.Result r = ClassifierTraining.train(train, test, ClassifierConfig.DEFAULT.withEpochs(2),
                new PrintStream(log, true), false);
        System.out.printf("synthetic classifier: accuracy %.4f in %.1f s, losses %s%n",
                r.classifier().testAccuracy(), r.seconds(), r.epochLosses());
        assertThat(r.classifier().testAccuracy()).isGreaterThan(0.98);
        assertThat(r.epochLosses().get(1)).isLessThan(r.epochLosses().get(0));
        assertThat(log.toString()).contains("classifier").contains("epoch 2/2");
        // the same images in the symmetric scale are mapped back through the data's box
        LabelledData symmetric = synthetic("\"size\": 16, \"split\": \"test\", \"scale\": \"symmetric\"");
        assertThat(r.classifier().accuracy(symmetric)).isEqualTo(r.classifier().testAccuracy());
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() throws Exception {
        LabelledData train = synthetic("\"size\": 12, \"limit\": 300");
        LabelledData test = synthetic("\"size\": 12, \"limit\": 100, \"split\": \"test\"");
        ClassifierConfig c = new ClassifierConfig(3, 4, 6, 16, 1, 50, 1e-3, 7);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        var a = ClassifierTraining.train(train, test, c, quiet, false).classifier().net().parameters().arrays();
        var b = ClassifierTraining.train(train, test, c, quiet, false).classifier().net().parameters().arrays();
        a.forEach((name, arr) -> assertThat(b.get(name)).as(name).isEqualTo(arr));
        var other = ClassifierTraining.train(train, test, new ClassifierConfig(3, 4, 6, 16, 1, 50, 1e-3, 8), quiet,
                false).classifier().net().parameters().arrays();
        assertThat(other.get("c1w")).isNotEqualTo(a.get("c1w"));
    }
}
