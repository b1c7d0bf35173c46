package dev.ebm.api.spec;

import java.util.List;

/**
 * A whole experiment. Sections a command does not need may be absent: {@code bin/ebm sample} needs only
 * {@code energy} and {@code sampler}; {@link #trainingProblems()} lists what training needs.
 *
 * @param name run name, used in the default run directory
 * @param seed root seed of the run's random generator
 * @param dtype {@code float32} (default) or {@code float64}
 * @param eval how the trained run is evaluated (fresh chains of image runs), or null for the defaults
 */
public record ExperimentSpec(
        @Default("run") @Matches(value = "[A-Za-z0-9._-]+",
                message = "must use only letters, digits, '.', '_' and '-'") String name,
        @Default("0") Long seed,
        @Default("float32") @OneOf({"float32", "float64"}) String dtype,
        DataSpec data, EnergySpec energy, NegativeSourceSpec negatives, SamplerSpec sampler,
        List<ObjectiveSpec> objective, OptimizerSpec optimizer, TrainSpec train,
        EvalSpec eval) {

    public static final List<String> DTYPES = SpecFields.choices(ExperimentSpec.class, "dtype");

    public ExperimentSpec {
        Checks c = new Checks(ExperimentSpec.class);
        name = c.field("name", name);
        seed = c.field("seed", seed);
        dtype = c.field("dtype", dtype);
        objective = objective == null ? null : List.copyOf(objective);
        train = train == null ? TrainSpec.defaults() : train;
        c.done();
    }

    /** A spec without an {@code eval} section. */
    public ExperimentSpec(String name, Long seed, String dtype, DataSpec data, EnergySpec energy,
            NegativeSourceSpec negatives, SamplerSpec sampler, List<ObjectiveSpec> objective, OptimizerSpec optimizer,
            TrainSpec train) {
        this(name, seed, dtype, data, energy, negatives, sampler, objective, optimizer, train, null);
    }

    /** The {@code eval} section, or its defaults when absent. */
    public EvalSpec evalOrDefaults() {
        return eval == null ? EvalSpec.defaults() : eval;
    }

    /**
     * What {@code bin/ebm train} needs and this spec lacks. The {@code negatives} and {@code sampler} sections are
     * not listed here: they are required only when an objective term needs negative samples, which the runner
     * learns from the terms it builds.
     */
    public List<SpecProblem> trainingProblems() {
        Checks c = new Checks();
        c.required("data", data);
        c.required("energy", energy);
        c.required("optimizer", optimizer);
        c.check(objective != null && !objective.isEmpty(), "objective", "needs at least one term");
        return c.problems();
    }

    /** What {@code bin/ebm sample} needs and this spec lacks: an energy and a sampler. */
    public List<SpecProblem> samplingProblems() {
        Checks c = new Checks();
        if (energy == null) {
            c.fail("energy", "is required for sampling, e.g. {type: gaussian-mixture, weights: [0.5, 0.5], "
                    + "means: [[-2, 0], [2, 0]], stds: [0.5, 0.5]}");
        }
        if (sampler == null) {
            c.fail("sampler", "is required for sampling, e.g. {type: mala, steps: 1000, epsilon: 0.5}");
        }
        return c.problems();
    }
}
