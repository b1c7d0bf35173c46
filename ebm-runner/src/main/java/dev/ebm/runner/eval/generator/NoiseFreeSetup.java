package dev.ebm.runner.eval.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ebm.api.SamplerKernel;
import dev.ebm.api.StartDensity;
import dev.ebm.api.ToyDensity;
import dev.ebm.api.plugin.PluginRegistry;
import dev.ebm.api.plugin.SpecBinder;
import dev.ebm.api.spec.GeneratorSpec;
import dev.ebm.api.spec.SamplerSpec;
import dev.ebm.api.spec.SpecException;
import dev.ebm.api.spec.SpecProblem;
import dev.ebm.runner.train.Experiment;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generator view of a run needs, resolved and checked before anything runs: the noise-free {@code gd} kernel
 * and its step h, the run's start density q₀ and the toy data's exact density. Every problem is reported at its spec
 * path: a sampler that is not {@code gd} (or a {@code langevin} with a noise-free twin), and the fields that make the
 * step non-injective or change the chains between steps — {@code gradClip} (an element-wise clip flattens ∇E, so many
 * points share one image), {@code clamp} (a whole face of the box maps to itself) and {@code transitions} (random
 * moves between steps) — are refused, naming the field.
 *
 * @param kernel the noise-free kernel
 * @param stepSize h of its step x' = x − h·∇E(x)
 * @param path the spec path the kernel came from ({@code eval.generator.noiseFree}, or {@code sampler})
 * @param start the negatives' start density
 * @param toy the data's exact density
 * @param spec the generator section
 */
public record NoiseFreeSetup(SamplerKernel kernel, double stepSize, String path, StartDensity start, ToyDensity toy,
        GeneratorSpec spec) {

    /** The setup of {@code ex}'s {@code eval.generator}, or null when the spec has none. */
    public static NoiseFreeSetup resolve(Experiment ex) {
        GeneratorSpec g = ex.spec.evalOrDefaults().generator();
        if (g == null) {
            return null;
        }
        PluginRegistry registry = ex.context.registry();
        List<SpecProblem> problems = new ArrayList<>();
        if (!(ex.data instanceof ToyDensity) || ex.data.sampleShape().length != 1
                || ex.data.sampleShape()[0] > 10) {
            problems.add(new SpecProblem("eval.generator", "needs low-dimensional data with an exact log-density "
                    + "(the toys: eight-gaussians, rings, two-moons, ...); found data.type: "
                    + registry.typeOf(ex.spec.data())));
        }
        if (!(ex.negatives instanceof StartDensity)) {
            problems.add(new SpecProblem("negatives", "eval.generator needs chains that start fresh from a known "
                    + "density, {type: noise}; found " + (ex.negatives == null ? "no negatives"
                    : "type: " + registry.typeOf(ex.spec.negatives()))));
        }
        String path;
        JsonNode node;
        SpecBinder binder = new SpecBinder(registry);
        com.fasterxml.jackson.databind.ObjectMapper json = new dev.ebm.runner.spec.SpecLoader(registry).mapper();
        if (g.noiseFree() != null) {
            path = "eval.generator.noiseFree";
            node = json.valueToTree(g.noiseFree());
        } else if (ex.spec.sampler() != null) {
            path = "sampler";
            node = twin(json.valueToTree(ex.spec.sampler()), problems);
        } else {
            path = "eval.generator.noiseFree";
            node = null;
            problems.add(new SpecProblem(path, "is required: the spec has no sampler; e.g. {type: gd, steps: 20, "
                    + "stepSize: 0.005}"));
        }
        if (node != null) {
            refuse(node, path, problems);
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        SamplerSpec spec;
        try {
            spec = binder.bind(node, SamplerSpec.class);
        } catch (SpecException e) {
            throw e.under(path);
        }
        SamplerKernel kernel = registry.create(spec, ex.context);
        return new NoiseFreeSetup(kernel, node.get("stepSize").asDouble(), path, (StartDensity) ex.negatives,
                (ToyDensity) ex.data, g);
    }

    /** The noise-free twin of the run's sampler as a gd spec: itself for gd, langevin without its noise. */
    private static JsonNode twin(JsonNode sampler, List<SpecProblem> problems) {
        String type = sampler.path("type").asText();
        if (type.equals("gd")) {
            return sampler;
        }
        if (!type.equals("langevin")) {
            problems.add(new SpecProblem("eval.generator.noiseFree", "is required when the sampler is not gd or "
                    + "langevin (a noise-free twin is defined for those only); found sampler.type: " + type));
            return null;
        }
        if (!sampler.path("anneal").isMissingNode() && !sampler.path("anneal").isNull()) {
            problems.add(new SpecProblem("sampler.anneal", "a schedule has no single noise-free step; give "
                    + "eval.generator.noiseFree"));
            return null;
        }
        ObjectNode gd = JsonNodeFactory.instance.objectNode();
        gd.put("type", "gd");
        gd.set("steps", sampler.get("steps"));
        double h = sampler.hasNonNull("epsilon") ? 0.5 * Math.pow(sampler.get("epsilon").asDouble(), 2)
                : sampler.get("stepSize").asDouble();
        gd.put("stepSize", h);
        for (String f : List.of("gradClip", "clamp", "transitions", "transitionEvery")) {
            if (sampler.hasNonNull(f)) {
                gd.set(f, sampler.get(f));
            }
        }
        return gd;
    }

    private static void refuse(JsonNode gd, String path, List<SpecProblem> problems) {
        String type = gd.path("type").asText();
        if (!type.equals("gd")) {
            problems.add(new SpecProblem(path + ".type", "must be gd (noise-free gradient descent: its output density "
                    + "is exact by change of variables), found " + type));
            return;
        }
        String why = "the exact density needs every step x' = x - h*grad E(x) to be injective and nothing else "
                + "to move the chains";
        if (gd.hasNonNull("gradClip")) {
            problems.add(new SpecProblem(path + ".gradClip", "must be absent: " + why + "; an element-wise clip "
                    + "maps whole regions to one point; found " + gd.get("gradClip")));
        }
        if (gd.hasNonNull("clamp")) {
            problems.add(new SpecProblem(path + ".clamp", "must be absent: " + why + "; clamping maps a face of "
                    + "the box to itself; found " + gd.get("clamp")));
        }
        if (gd.hasNonNull("transitions") && gd.get("transitions").size() > 0) {
            problems.add(new SpecProblem(path + ".transitions", "must be absent: " + why + "; transitions move the "
                    + "chains at random; found " + gd.get("transitions").size() + " transitions"));
        }
    }
}
