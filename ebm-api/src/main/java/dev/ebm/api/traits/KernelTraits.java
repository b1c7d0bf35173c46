package dev.ebm.api.traits;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sampler kernel, as configured by its spec, declares about the distribution it samples
 * ({@link dev.ebm.api.plugin.SamplerProvider#traits}). {@code bin/ebm explain}, the objective terms that
 * differentiate through sampling ({@link dev.ebm.api.ObjectiveTerm#problemsWith}) and the test kit read only this,
 * never a type id.
 *
 * @param exactness whether a Metropolis–Hastings test makes the kernel leave exp(−E/T) exactly invariant
 * @param temperature the temperature T the dynamics target on a target of temperature 1: 1 for the discretised
 *     Langevin SDE (epsilon form) and most Metropolis kernels, noise²/(2·stepSize) for decoupled Langevin, 0 for
 *     noise-free dynamics (gradient descent); null when unknown
 * @param temperatureRule how the temperature follows from the spec, e.g. {@code noise²/(2·stepSize)}, for messages
 * @param replayable whether the kernel's steps can be replayed on the tape with their recorded noise (then the
 *     kernel implements {@link dev.ebm.api.DifferentiableKernel}), so that a loss can differentiate the chains'
 *     end points in the parameters
 * @param replayProblems why the steps cannot be replayed, one sentence each (empty when {@code replayable})
 * @param gradClip the element-wise clip of ∇E in the kernel's drift, or null for none
 * @param clamp the box [low, high] the kernel keeps every coordinate in (clamping when unadjusted, rejecting
 *     proposals outside when Metropolis-adjusted), or null for none
 * @param description the dynamics in words with their settings, e.g. {@code decoupled Langevin dynamics with
 *     stepSize 10 and noise 0.005}
 * @param notes further sentences explain adds to its reasons, possibly none
 */
public record KernelTraits(Exactness exactness, Double temperature, String temperatureRule, boolean replayable,
        List<String> replayProblems, Double gradClip, List<Double> clamp, String description, List<String> notes) {

    /** Whether a kernel corrects its discretisation with a Metropolis–Hastings test. */
    public enum Exactness { METROPOLIS_ADJUSTED, UNADJUSTED, UNDECLARED }

    public KernelTraits {
        if (exactness == null) {
            throw new IllegalArgumentException("kernel traits need an exactness");
        }
        if (temperature != null && !(temperature >= 0 && Double.isFinite(temperature))) {
            throw new IllegalArgumentException("a temperature must be finite and >= 0, found " + temperature);
        }
        replayProblems = replayProblems == null ? List.of() : List.copyOf(replayProblems);
        if (replayable && !replayProblems.isEmpty()) {
            throw new IllegalArgumentException("a replayable kernel has no replay problems");
        }
        if (clamp != null && (clamp.size() != 2 || !(clamp.get(0) < clamp.get(1)))) {
            throw new IllegalArgumentException("a clamp is a box [low, high] with low < high, found " + clamp);
        }
        clamp = clamp == null ? null : List.copyOf(clamp);
        temperatureRule = temperatureRule == null ? "" : temperatureRule;
        description = description == null ? "" : description;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * An unadjusted kernel (no accept/reject step) that is not replayable until {@link #replayable()} says so.
     *
     * @param temperature the temperature it targets, 0 for noise-free dynamics
     */
    public static KernelTraits unadjusted(double temperature, String temperatureRule, String description) {
        return new KernelTraits(Exactness.UNADJUSTED, temperature, temperatureRule, false,
                List.of("it does not declare replayable steps"), null, null, description, List.of());
    }

    /** A Metropolis-adjusted kernel: its accept/reject step cannot be replayed on the tape. */
    public static KernelTraits metropolis(double temperature, String temperatureRule, String description) {
        return new KernelTraits(Exactness.METROPOLIS_ADJUSTED, temperature, temperatureRule, false,
                List.of("its accept/reject step is not differentiable"), null, null,
                description, List.of());
    }

    /** What a provider that declares nothing gets: unknown exactness and temperature, not replayable. */
    public static KernelTraits undeclared() {
        return new KernelTraits(Exactness.UNDECLARED, null, "", false, List.of("it declares no traits"), null,
                null, "", List.of());
    }

    /** These traits with replayable steps. */
    public KernelTraits withReplay() {
        return new KernelTraits(exactness, temperature, temperatureRule, true, List.of(), gradClip, clamp,
                description, notes);
    }

    /** These traits with steps that cannot be replayed, for {@code reasons}. */
    public KernelTraits withoutReplay(List<String> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("say why the steps cannot be replayed");
        }
        return new KernelTraits(exactness, temperature, temperatureRule, false, reasons, gradClip, clamp,
                description, notes);
    }

    /** These traits with a gradient clip (null for none) and a clamp box (null for none). */
    public KernelTraits withLimits(Double gradClip, List<Double> clamp) {
        return new KernelTraits(exactness, temperature, temperatureRule, replayable, replayProblems, gradClip,
                clamp, description, notes);
    }

    /** These traits with another description and further notes. */
    public KernelTraits describedAs(String description, String... notes) {
        List<String> all = new ArrayList<>(this.notes);
        all.addAll(List.of(notes));
        return new KernelTraits(exactness, temperature, temperatureRule, replayable, replayProblems, gradClip, clamp,
                description, all);
    }

    public boolean metropolisAdjusted() {
        return exactness == Exactness.METROPOLIS_ADJUSTED;
    }

    /** Whether the dynamics add no noise (temperature 0): gradient descent, not MCMC. */
    public boolean noiseFree() {
        return temperature != null && temperature == 0;
    }
}
