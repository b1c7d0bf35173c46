package dev.ebm.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ebm.api.LabelledData;
import dev.ebm.api.Rng;
import dev.ebm.api.plugin.PluginContext;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.DataSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.data.spec.SyntheticImagesSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SyntheticImagesTest {

    private static SyntheticImagesSpec spec(Integer size, String split, String scale, String dequantize,
            Double noiseStd, List<Integer> digits, Integer limit) {
        return new SyntheticImagesSpec(size, split, scale, dequantize, noiseStd, digits, limit);
    }

    private static LabelledData create(String json, long contextSeed) throws Exception {
        PluginRegistry registry = PluginRegistry.load();
        DataSpec s = new SpecBinder(registry).bind(new ObjectMapper().readTree(json), DataSpec.class);
        return registry.create(s, new PluginContext(DataType.FLOAT, new long[0], null, registry, new Rng(contextSeed)));
    }

    @Test
    void splitsHaveTheirSizesBalancedClassesAndGreyLevels() throws Exception {
        LabelledData train = create("{\"type\": \"synthetic-images\"}", 1);
        assertThat(train.size()).isEqualTo(SyntheticImages.TRAIN_SIZE);
        assertThat(train.sampleShape()).containsExactly(1, 28, 28);
        assertThat(train.classes()).isEqualTo(10);
        assertThat(train.classNames()).hasSize(10).contains("ring", "disc");
        int[] counts = new int[10];
        for (int l : train.labels()) {
            counts[l]++;
        }
        assertThat(counts).containsOnly(1000);
        INDArray x = train.samples(0, 200, DataType.DOUBLE);
        assertThat(x.shape()).containsExactly(200, 1, 28, 28);
        assertThat(x.minNumber().doubleValue()).isEqualTo(0.0);
        assertThat(x.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0).isGreaterThan(0.7);
        INDArray levels = x.mul(255);
        assertThat(levels.sub(Nd4j.math().round(levels)).amaxNumber().doubleValue()).isLessThan(1e-4);
        assertThat(create("{\"type\": \"synthetic-images\", \"split\": \"test\", \"size\": 16}", 1).size())
                .isEqualTo(SyntheticImages.TEST_SIZE);
    }

    @Test
    void contentDependsOnlyOnSizeAndSplitNotOnTheRunSeed() throws Exception {
        INDArray a = create("{\"type\": \"synthetic-images\", \"limit\": 50}", 1).samples(0, 50, DataType.FLOAT);
        INDArray b = create("{\"type\": \"synthetic-images\", \"limit\": 50}", 2).samples(0, 50, DataType.FLOAT);
        assertThat(a).isEqualTo(b);
        INDArray test = create("{\"type\": \"synthetic-images\", \"limit\": 50, \"split\": \"test\"}", 1)
                .samples(0, 50, DataType.FLOAT);
        assertThat(test.sub(a).amaxNumber().doubleValue()).isGreaterThan(0.5);
    }

    @Test
    void symmetricScaleIsTwiceUnitMinusOne() {
        INDArray unit = new SyntheticImages(spec(12, null, "unit", null, null, null, 30)).samples(0, 30,
                DataType.DOUBLE);
        SyntheticImages sym = new SyntheticImages(spec(12, null, "symmetric", null, null, null, 30));
        assertThat(sym.samples(0, 30, DataType.DOUBLE).sub(unit.mul(2).sub(1)).amaxNumber().doubleValue())
                .isLessThan(1e-6);
        assertThat(sym.bounds().low()[0]).isEqualTo(-1.0);
        assertThat(sym.bounds().high()[143]).isEqualTo(1.0);
    }

    @Test
    void classFilterAndLimitKeepTheFirstImagesOfTheClassesAsked() {
        SyntheticImages s = new SyntheticImages(spec(10, null, null, null, null, List.of(7, 3), 5));
        assertThat(s.labels()).containsExactly(3, 7, 3, 7, 3);
        SyntheticImages all = new SyntheticImages(spec(10, null, null, null, null, null, 8));
        assertThat(s.samples(1, 2, DataType.FLOAT)).isEqualTo(all.samples(7, 8, DataType.FLOAT));
    }

    @Test
    void dequantizationNoiseHasItsDocumentedLaw() {
        // one image only: every batch row is that image plus noise
        SyntheticImages uniform = new SyntheticImages(spec(16, null, null, "uniform", null, null, 1));
        INDArray image = uniform.samples(0, 1, DataType.DOUBLE).reshape(1, 256);
        INDArray noise = uniform.batch(400, new Rng(3), DataType.DOUBLE).reshape(400, 256).subRowVector(image);
        assertThat(noise.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(noise.maxNumber().doubleValue()).isLessThan(1.0 / 256);
        // U[0, 1/256): mean 1/512, std (1/256)/√12; 102,400 draws
        assertThat(noise.meanNumber().doubleValue()).isCloseTo(1.0 / 512, within(1e-5));
        SyntheticImages gaussian = new SyntheticImages(spec(16, null, "symmetric", "gaussian", 0.01, null, 1));
        INDArray gImage = gaussian.samples(0, 1, DataType.DOUBLE).reshape(1, 256);
        INDArray gNoise = gaussian.batch(400, new Rng(4), DataType.DOUBLE).reshape(400, 256).subRowVector(gImage);
        // added after scaling: its std is noiseStd in the symmetric scale too
        assertThat(gNoise.stdNumber().doubleValue()).isCloseTo(0.01, within(0.0003));
        assertThat(gNoise.meanNumber().doubleValue()).isCloseTo(0.0, within(0.0005));
        INDArray clean = new SyntheticImages(spec(16, null, null, null, null, null, 1)).batch(5, new Rng(1),
                DataType.DOUBLE).reshape(5, 256).subRowVector(image);
        assertThat(clean.amaxNumber().doubleValue()).isEqualTo(0.0);
    }

    @Test
    void classesAreFarApartComparedWithTheirSpread() {
        // nearest class mean on the test split, with means of the training split: the ten patterns are distinct
        SyntheticImages train = new SyntheticImages(spec(28, null, null, null, null, null, 2000));
        SyntheticImages test = new SyntheticImages(spec(28, "test", null, null, null, null, 500));
        INDArray x = train.samples(0, train.size(), DataType.DOUBLE).reshape(train.size(), 784);
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, train.size(), 10);
        int[] labels = train.labels();
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, labels[i], 1.0 / (labels.length / 10));
        }
        INDArray means = oneHot.transpose().mmul(x);
        INDArray t = test.samples(0, test.size(), DataType.DOUBLE).reshape(test.size(), 784);
        // ‖t − m‖² up to the per-row constant ‖t‖²: ‖m‖² − 2 t·m
        INDArray d = t.mmul(means.transpose()).muli(-2).addiRowVector(means.mul(means).sum(1));
        int[] nearest = Nd4j.argMin(d, 1).toIntVector();
        int[] truth = test.labels();
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (nearest[i] == truth[i]) {
                right++;
            }
        }
        assertThat(right / (double) truth.length).isGreaterThan(0.8);
    }

    @Test
    void badSpecsNameTheFieldAndTheValue() {
        List<SpecProblem> p = catchThrowableOfType(SpecException.class,
                () -> spec(4, "val", "half", "uniform", 0.1, List.of(12), 0)).problems();
        assertThat(catchThrowableOfType(SpecException.class, () -> spec(null, null, null, "gaussian", null, null, null))
                .problems()).extracting(SpecProblem::path).containsExactly("noiseStd");
        assertThat(p).extracting(SpecProblem::path)
                .containsExactlyInAnyOrder("size", "split", "scale", "noiseStd", "digits[0]", "limit");
        assertThat(p.toString()).contains("found 4").contains("'val'").contains("found 12");
    }
}
