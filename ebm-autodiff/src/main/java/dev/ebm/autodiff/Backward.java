package dev.ebm.autodiff;

/**
 * The backward rule of one recorded op: maps the gradient of the op's output to the gradients of its inputs.
 *
 * <p>A rule is written with {@link Tensor} ops, so when gradients are computed with {@code createGraph} the
 * backward pass is itself recorded and can be differentiated again. An entry may be {@code null} for an input
 * that needs no gradient.
 */
@FunctionalInterface
interface Backward {
    Tensor[] apply(Tensor gradOutput);
}
