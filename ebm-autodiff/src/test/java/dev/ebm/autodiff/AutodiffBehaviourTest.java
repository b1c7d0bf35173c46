package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Stop-gradients, recording scopes, a composite second-order quantity, dtypes and workspaces. */
class AutodiffBehaviourTest {

    @Test
    void detachStopsTheGradient() {
        Random rnd = new Random(1);
        INDArray xv = GradCheck.random(rnd, 3, 4);
        Tensor x = Tensor.variable(xv);
        Tensor d = x.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.node()).isNull();
        // d(detach(x)·x)/dx = detach(x) = x, not 2x
        Tensor g = Autodiff.grad(d.mul(x).sum(), x, false);
        GradCheck.assertClose("gradient through one factor only", g.value(), xv, 1e-15);
        // nothing flows through a detached intermediate
        Tensor y = x.square().detach().exp().sum();
        assertThat(y.requiresGrad()).isFalse();
        assertThat(Autodiff.grad(y, x, false).value().sumNumber().doubleValue()).isZero();
        // second order: the detached copy of a first-order gradient is a constant
        Tensor gx = Autodiff.grad(x.square().sum(), x, true);
        assertThat(gx.requiresGrad()).isTrue();
        Tensor h = Autodiff.grad(gx.detach().mul(x).sum(), x, false);
        GradCheck.assertClose("detached gradient", h.value(), xv.mul(2.0), 1e-15);
    }

    @Test
    void gradModeOffRecordsNothing() {
        Tensor x = Tensor.variable(GradCheck.random(new Random(2), 2, 1, 4, 4));
        Tensor w = Tensor.variable(GradCheck.random(new Random(3), 2, 1, 3, 3));
        Tensor y;
        try (GradMode.Scope off = GradMode.off()) {
            assertThat(GradMode.isEnabled()).isFalse();
            y = x.conv2d(w, 1, 1).swish().avgPool2d(2, 2).sum();
            try (GradMode.Scope on = GradMode.on()) {
                assertThat(GradMode.isEnabled()).isTrue();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.node()).isNull();
        List<Tensor> g = Autodiff.grad(y, List.of(x, w), false);
        assertThat(g.get(0).value().sumNumber().doubleValue()).isZero();
        assertThat(g.get(1).value().sumNumber().doubleValue()).isZero();
        // gradients taken without createGraph are constants even though recording is on around them
        Tensor gx = Autodiff.grad(x.conv2d(w, 1, 1).tanh().sum(), x, false);
        assertThat(gx.requiresGrad()).isFalse();
        assertThat(GradMode.isEnabled()).isTrue();
    }

    /** A two-layer MLP on [N, 3] or a two-layer CNN on [N, 1, 5, 5], energies summed over the batch. */
    static Tensor energy(boolean cnn, Tensor x, List<Tensor> p) {
        if (cnn) {
            Tensor h = x.conv2d(p.get(0), p.get(1), 1, 1).swish().conv2d(p.get(2), 2, 1).softplus();
            long n = x.shape()[0];
            return h.reshape(n, 2 * 3 * 3).matmul(p.get(3)).sum();
        }
        return x.matmul(p.get(0)).add(p.get(1)).swish().matmul(p.get(2)).add(p.get(3)).sum();
    }

    static INDArray[] parameters(boolean cnn, Random rnd) {
        if (cnn) {
            return new INDArray[] {GradCheck.random(rnd, 2, 1, 3, 3), GradCheck.random(rnd, 2),
                GradCheck.random(rnd, 2, 2, 3, 3), GradCheck.random(rnd, 18, 1)};
        }
        return new INDArray[] {GradCheck.random(rnd, 3, 5), GradCheck.random(rnd, 1, 5),
            GradCheck.random(rnd, 5, 1), GradCheck.random(rnd, 1, 1)};
    }

    @ParameterizedTest(name = "cnn={0}")
    @ValueSource(booleans = {false, true})
    void gradientOfTheSquaredInputGradientNormMatchesFiniteDifferences(boolean cnn) {
        Random rnd = new Random(cnn ? 11 : 10);
        INDArray xv = cnn ? GradCheck.random(rnd, 2, 1, 5, 5) : GradCheck.random(rnd, 4, 3);
        INDArray[] theta = parameters(cnn, rnd);
        // Q(θ) = ‖∇ₓE_θ(x)‖²
        Function<INDArray[], Double> q = th -> {
            Tensor x = Tensor.variable(xv);
            Tensor gx = Autodiff.grad(energy(cnn, x, GradCheck.constants(th)), x, false);
            return gx.value().mul(gx.value()).sumNumber().doubleValue();
        };
        Tensor x = Tensor.variable(xv);
        List<Tensor> p = GradCheck.variables(theta);
        Tensor gx = Autodiff.grad(energy(cnn, x, p), x, true);
        Tensor qt = gx.square().sum();
        assertThat(qt.item()).isCloseTo(q.apply(theta), org.assertj.core.api.Assertions.within(1e-12));
        List<Tensor> dq = Autodiff.grad(qt, p, false);
        for (int i = 0; i < theta.length; i++) {
            INDArray numeric = GradCheck.numericGradient(q, theta, i);
            GradCheck.assertClose("d‖∇ₓE‖²/dθ" + i, dq.get(i).value(), numeric, 1e-6);
        }
    }

    @Test
    void float32IsTheDefaultAndStaysFloat32() {
        assertThat(Nd4j.defaultFloatingPointType()).isEqualTo(DataType.FLOAT);
        Tensor x = Tensor.variable(Nd4j.rand(2, 1, 6, 6));
        Tensor w = Tensor.variable(Nd4j.rand(3, 1, 3, 3));
        assertThat(x.dtype()).isEqualTo(DataType.FLOAT);
        Tensor e = x.conv2d(w, 2, 1).swish().avgPool2d(2, 2).sum();
        assertThat(e.dtype()).isEqualTo(DataType.FLOAT);
        List<Tensor> g = Autodiff.grad(e, List.of(x, w), true);
        assertThat(g).allSatisfy(t -> assertThat(t.dtype()).isEqualTo(DataType.FLOAT));
        Tensor s = g.get(0).square().sum();
        assertThat(Autodiff.grad(s, w, false).dtype()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void convolutionGradientsAreRightInsideAReusedWorkspace() {
        Nd4j.getRandom().setSeed(5);
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder()
                .policyLearning(LearningPolicy.OVER_TIME).policyAllocation(AllocationPolicy.OVERALLOCATE)
                .overallocationLimit(0.2).cyclesBeforeInitialization(2).build();
        INDArray w1 = Nd4j.rand(DataType.FLOAT, 4, 1, 3, 3).subi(0.5);
        INDArray w2 = Nd4j.rand(DataType.FLOAT, 4, 4, 3, 3).subi(0.5);
        List<INDArray> expected = new ArrayList<>();
        List<INDArray> xs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            INDArray xv = Nd4j.rand(DataType.FLOAT, 3, 1, 9, 9);
            xs.add(xv);
            expected.add(inputGradient(xv, w1, w2));
        }
        for (int i = 0; i < 6; i++) {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "autodiff-test")) {
                INDArray got = inputGradient(xs.get(i), w1, w2);
                assertThat(got.isAttached()).isTrue();
                GradCheck.assertClose("workspace cycle " + i, got.castTo(DataType.DOUBLE),
                        expected.get(i).castTo(DataType.DOUBLE), 1e-6);
            }
        }
    }

    private static INDArray inputGradient(INDArray xv, INDArray w1, INDArray w2) {
        Tensor x = Tensor.variable(xv);
        Tensor e = x.conv2d(Tensor.constant(w1), 1, 1).swish().conv2d(Tensor.constant(w2), 2, 1).tanh()
                .avgPool2d(2, 2).sum();
        return Autodiff.grad(e, x, false).value();
    }
}
