package dev.ebm.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference checks of first and second derivatives in float64.
 *
 * <p>For f with inputs x₁…xₖ and fixed random R (shape of f's output) and Vᵢ (shapes of the inputs), with
 * L = Σ f(x)·R:
 * <ul>
 *   <li>first order: ∇L from the tape versus central differences of L;
 *   <li>second order: ∇(Σᵢ ⟨∇ᵢL, Vᵢ⟩) with ∇L taken with {@code createGraph} (a Hessian-vector product) versus
 *       central differences of the first-order gradient along V;
 *   <li>third order (optional): the same one level up.
 * </ul>
 */
final class GradCheck {
    static final double H = 1e-6;
    static final double FIRST_TOL = 1e-6;
    static final double SECOND_TOL = 1e-5;

    private GradCheck() {}

    /** How to draw an input's values. */
    enum Domain {
        /** standard normal */
        ANY,
        /** uniform in [0.5, 2] */
        POSITIVE,
        /** ±uniform in [0.2, 1.2]: away from the kinks of piecewise functions */
        AWAY_FROM_ZERO
    }

    /** A function of the inputs. */
    @FunctionalInterface
    interface Fn extends Function<List<Tensor>, Tensor> {}

    /** Float64 values of the given shape from {@code rnd}. */
    static INDArray random(Random rnd, Domain domain, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (domain) {
                case ANY -> rnd.nextGaussian();
                case POSITIVE -> 0.5 + 1.5 * rnd.nextDouble();
                case AWAY_FROM_ZERO -> (rnd.nextBoolean() ? 1 : -1) * (0.2 + rnd.nextDouble());
            };
        }
        if (shape.length == 0) {
            return Nd4j.scalar(DataType.DOUBLE, v[0]);
        }
        return Nd4j.createFromArray(v).reshape('c', shape).dup('c');
    }

    static INDArray random(Random rnd, long... shape) {
        return random(rnd, Domain.ANY, shape);
    }

    /** Checks first and second derivatives of {@code f} at {@code inputs} (float64, modified and restored). */
    static void check(Fn f, Random rnd, INDArray... inputs) {
        for (INDArray in : inputs) {
            assertThat(in.dataType()).isEqualTo(DataType.DOUBLE);
        }
        INDArray probe = f.apply(constants(inputs)).value();
        assertThat(probe.dataType()).as("output dtype").isEqualTo(DataType.DOUBLE);
        INDArray r = random(rnd, probe.shape());
        INDArray[] v = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            v[i] = random(rnd, inputs[i].shape());
        }
        checkFirst(f, r, inputs);
        checkSecond(f, r, v, inputs);
    }

    /** The first-order check alone. */
    static void checkFirst(Fn f, INDArray r, INDArray... inputs) {
        List<Tensor> vars = variables(inputs);
        Tensor loss = loss(f, vars, r);
        List<Tensor> analytic = Autodiff.grad(loss, vars, false);
        // the recorded backward (createGraph) must give the same values as the fast constant one
        List<Tensor> vars2 = variables(inputs);
        List<Tensor> analytic2 = Autodiff.grad(loss(f, vars2, r), vars2, true);
        for (int i = 0; i < inputs.length; i++) {
            INDArray a = analytic.get(i).value();
            assertThat(a.shape()).as("gradient shape of input " + i).containsExactly(inputs[i].shape());
            assertThat(a.dataType()).as("gradient dtype of input " + i).isEqualTo(DataType.DOUBLE);
            assertClose("createGraph vs plain gradient of input " + i, analytic2.get(i).value(), a, 1e-10);
            INDArray numeric = numericGradient(x -> lossValue(f, x, r), inputs, i);
            assertClose("first derivative in input " + i, a, numeric, FIRST_TOL);
        }
    }

    /**
     * The second-order check alone: the Hessian-vector product H·V (over all inputs jointly) from the tape versus
     * (∇L(x + hV) − ∇L(x − hV)) / 2h.
     */
    static void checkSecond(Fn f, INDArray r, INDArray[] v, INDArray... inputs) {
        List<Tensor> vars = variables(inputs);
        List<Tensor> g = Autodiff.grad(loss(f, vars, r), vars, true);
        List<Tensor> hv = Autodiff.grad(dot(g, v), vars, false);
        List<INDArray> numeric = alongDirection(x -> {
            List<Tensor> xv = variables(x);
            return values(Autodiff.grad(loss(f, xv, r), xv, false));
        }, inputs, v);
        for (int i = 0; i < inputs.length; i++) {
            assertClose("Hessian-vector product in input " + i, hv.get(i).value(), numeric.get(i), SECOND_TOL);
        }
    }

    /**
     * Third order: ∇⟨∇⟨∇L, V⟩, W⟩ with both inner gradients recorded, versus central differences along W of
     * ∇⟨∇L, V⟩ (one recorded gradient).
     */
    static void checkThird(Fn f, Random rnd, INDArray... inputs) {
        INDArray r = random(rnd, f.apply(constants(inputs)).shape());
        INDArray[] v = new INDArray[inputs.length];
        INDArray[] w = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            v[i] = random(rnd, inputs[i].shape());
            w[i] = random(rnd, inputs[i].shape());
        }
        List<Tensor> vars = variables(inputs);
        List<Tensor> g = Autodiff.grad(loss(f, vars, r), vars, true);
        List<Tensor> h = Autodiff.grad(dot(g, v), vars, true);
        List<Tensor> third = Autodiff.grad(dot(h, w), vars, false);
        List<INDArray> numeric = alongDirection(x -> {
            List<Tensor> xv = variables(x);
            List<Tensor> gx = Autodiff.grad(loss(f, xv, r), xv, true);
            return values(Autodiff.grad(dot(gx, v), xv, false));
        }, inputs, w);
        for (int i = 0; i < inputs.length; i++) {
            assertClose("third derivative in input " + i, third.get(i).value(), numeric.get(i), SECOND_TOL);
        }
    }

    /** (F(x + hD) − F(x − hD)) / 2h for a list-valued F, moving all inputs at once. */
    static List<INDArray> alongDirection(Function<INDArray[], List<INDArray>> fn, INDArray[] inputs, INDArray[] d) {
        INDArray[] plus = new INDArray[inputs.length];
        INDArray[] minus = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            plus[i] = inputs[i].add(d[i].mul(H));
            minus[i] = inputs[i].sub(d[i].mul(H));
        }
        List<INDArray> fp = fn.apply(plus);
        List<INDArray> fm = fn.apply(minus);
        List<INDArray> out = new ArrayList<>();
        for (int i = 0; i < fp.size(); i++) {
            out.add(fp.get(i).sub(fm.get(i)).divi(2 * H));
        }
        return out;
    }

    private static List<INDArray> values(List<Tensor> ts) {
        List<INDArray> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(t.value());
        }
        return out;
    }

    private static Tensor dot(List<Tensor> a, INDArray[] b) {
        Tensor s = null;
        for (int i = 0; i < b.length; i++) {
            Tensor term = a.get(i).mul(Tensor.constant(b[i])).sum();
            s = s == null ? term : s.add(term);
        }
        return s;
    }

    /** Central differences of {@code fn} in every element of {@code inputs[which]}. */
    static INDArray numericGradient(Function<INDArray[], Double> fn, INDArray[] inputs, int which) {
        INDArray x = inputs[which];
        INDArray out = Nd4j.create(DataType.DOUBLE, x.shape());
        for (long j = 0; j < x.length(); j++) {
            double x0 = x.getDouble(j);
            x.putScalar(j, x0 + H);
            double plus = fn.apply(inputs);
            x.putScalar(j, x0 - H);
            double minus = fn.apply(inputs);
            x.putScalar(j, x0);
            out.putScalar(j, (plus - minus) / (2 * H));
        }
        return out;
    }

    /** ‖a − b‖ ≤ tol·max(‖b‖, 1). */
    static void assertClose(String what, INDArray a, INDArray b, double tol) {
        double diff = a.sub(b).norm2Number().doubleValue();
        double scale = Math.max(b.norm2Number().doubleValue(), 1.0);
        assertThat(diff / scale).as(what + ": got " + brief(a) + ", expected " + brief(b)).isLessThan(tol);
    }

    private static String brief(INDArray a) {
        double[] d = a.dup().data().asDouble();
        return Arrays.toString(Arrays.copyOf(d, Math.min(d.length, 8))) + (d.length > 8 ? "…" : "");
    }

    private static Tensor loss(Fn f, List<Tensor> vars, INDArray r) {
        return f.apply(vars).mul(Tensor.constant(r)).sum();
    }

    private static double lossValue(Fn f, INDArray[] inputs, INDArray r) {
        try (GradMode.Scope off = GradMode.off()) {
            return loss(f, constants(inputs), r).item();
        }
    }

    static List<Tensor> variables(INDArray... inputs) {
        List<Tensor> out = new ArrayList<>();
        for (INDArray in : inputs) {
            out.add(Tensor.variable(in));
        }
        return out;
    }

    static List<Tensor> constants(INDArray... inputs) {
        List<Tensor> out = new ArrayList<>();
        for (INDArray in : inputs) {
            out.add(Tensor.constant(in));
        }
        return out;
    }
}
