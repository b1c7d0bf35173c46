package dev.ebm.samplers.kernel;

import dev.ebm.api.Target;
import dev.ebm.autodiff.Autodiff;
import dev.ebm.autodiff.GradMode;
import dev.ebm.autodiff.Tensor;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Langevin step x' = clamp(x − h·clip(∇ₓE_θ(x)/T) + noise) on the tape, for kernels that replay their steps.
 * Clipping and clamping multiply by constant 0/1 masks and add the constant clipped or clamped values, so the value
 * is exactly the sampler's and the derivative is the exact one of the piecewise-linear map wherever no element sits
 * on a kink (there, the derivative of the side the value was computed on is taken).
 */
final class ReplaySteps {
    private ReplaySteps() {}

    /**
     * @param h the drift step
     * @param noisy whether the step drew noise (then {@code noise} must be given)
     */
    static Tensor langevin(Target target, Tensor x, INDArray noise, double h, Double gradClip, List<Double> clamp,
            boolean noisy) {
        if (noisy && noise == null) {
            throw new IllegalArgumentException("the step drew noise but none was recorded: replay needs the noise"
                    + " each step reported in StepInfo.noise()");
        }
        try (GradMode.Scope on = GradMode.on()) {
            Tensor xt = x.requiresGrad() ? x : Tensor.variable(x.value());
            Tensor e = target.energy().energy(xt, target.params());
            if (target.temperature() != 1.0) {
                e = e.mul(1.0 / target.temperature());
            }
            Tensor g = Autodiff.grad(e.sum(), xt, true);
            if (gradClip != null) {
                INDArray gv = g.value();
                INDArray inside = Transforms.abs(gv, true).lte(gradClip).castTo(gv.dataType());
                INDArray outside = inside.rsub(1.0);
                INDArray clipped = Moves.clip(gv, gradClip).mul(outside);
                g = g.mul(Tensor.constant(inside)).add(Tensor.constant(clipped));
            }
            Tensor next = xt.sub(g.mul(h));
            if (noise != null) {
                next = next.add(Tensor.constant(noise));
            }
            if (clamp != null) {
                INDArray v = next.value();
                INDArray inside = v.gte(clamp.get(0)).castTo(v.dataType()).muli(v.lte(clamp.get(1)).castTo(v.dataType()));
                INDArray clamped = Moves.clampInPlace(v.dup(), clamp).muli(inside.rsub(1.0));
                next = next.mul(Tensor.constant(inside)).add(Tensor.constant(clamped));
            }
            return next;
        }
    }
}
