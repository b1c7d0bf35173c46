package dev.ebm.api.spec;

/**
 * The generator view of a toy run (Xiao, Yan &amp; Amit 2021), evaluated into {@code eval.json} under
 * {@code generator}: chains started fresh from the run's negatives' known start density q₀ are run with a
 * noise-free sampler, whose output density q_K is exact by change of variables, and with the run's own sampler;
 * both are compared with the data and the model (docs/GENERATOR.md).
 *
 * @param chains chains run from q₀ (default 2000); also the number of fresh data points the sample-based measures
 *     compare them with
 * @param noiseFree the noise-free sampler (a {@code gd} spec without {@code gradClip}, {@code clamp} or
 *     {@code transitions}), or null for the run's {@code sampler} when it is {@code gd}, or its noise-free twin when
 *     it is {@code langevin} (the same steps and gradient step: {@code stepSize}, or ε²/2 in the epsilon form)
 * @param knn the neighbour rank k of the k-nearest-neighbour KL estimate (default 5)
 */
public record GeneratorSpec(
        @Default("2000") @Range(min = 10) Integer chains,
        SamplerSpec noiseFree,
        @Default("5") @Range(min = 1, max = 100) Integer knn) {

    public GeneratorSpec {
        Checks c = new Checks(GeneratorSpec.class);
        chains = c.field("chains", chains);
        knn = c.field("knn", knn);
        if (chains != null && knn != null) {
            c.check(knn < chains, "knn", "must be < chains = " + chains + ", found " + knn);
        }
        c.done();
    }
}
