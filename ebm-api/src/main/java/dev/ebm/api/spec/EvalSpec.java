package dev.ebm.api.spec;

/**
 * How a trained run is evaluated beyond its defaults; today, the fresh chains of image runs: {@code chains} chains
 * started from uniform noise over the data's box and run with {@code sampler} (the recipe's generation sampler;
 * default the training sampler, with its steps), scored by the evaluation classifier.
 *
 * @param chains fresh chains run from noise (default 1000)
 * @param sampler the sampler that generates them, or null for the spec's training {@code sampler}
 * @param traceChains how many of them have their class recorded along the way (default 10)
 * @param traceEvery record their class every this many steps, or null for a tenth of the sampler's steps
 * @param generator the generator view of a toy run's sampler ({@link GeneratorSpec}), or null for none
 */
public record EvalSpec(
        @Default("1000") @Range(min = 0, exclusiveMin = true) Integer chains,
        SamplerSpec sampler,
        @Default("10") @Range(min = 0) Integer traceChains,
        @Range(min = 0, exclusiveMin = true) Integer traceEvery,
        GeneratorSpec generator) {

    public EvalSpec {
        Checks c = new Checks(EvalSpec.class);
        chains = c.field("chains", chains);
        traceChains = c.field("traceChains", traceChains);
        traceEvery = c.field("traceEvery", traceEvery);
        if (chains != null && traceChains != null) {
            c.check(traceChains <= chains, "traceChains", "must be <= chains = " + chains + ", found " + traceChains);
        }
        c.done();
    }

    /** An eval section without the generator view. */
    public EvalSpec(Integer chains, SamplerSpec sampler, Integer traceChains, Integer traceEvery) {
        this(chains, sampler, traceChains, traceEvery, null);
    }

    public static EvalSpec defaults() {
        return new EvalSpec(null, null, null, null, null);
    }
}
