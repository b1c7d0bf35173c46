package dev.ebm.runner.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One analysis of an experiment file, after a {@code vary} is expanded: test-time chains ({@code chains}) or the
 * energy along lines from test images to noise ({@code lines}), run on every model it names.
 *
 * @param id the analysis name, plus {@code @label=value} for one value of a {@code vary}; names its result
 *     directory
 * @param name the name in the file
 * @param type {@code chains} or {@code lines}
 * @param start chains: {@code uniform}, {@code test}, {@code shared-uniform} or {@code shared-test}
 * @param chains chains, or lines for {@code lines}
 * @param steps chains: their length (0 runs none: the starts are scored as end points)
 * @param record chains: classify every this many steps (0: only the start and the end)
 * @param at chains: further steps to classify at (e.g. 200 inside a 2000-step run)
 * @param points lines: points per line
 * @param sets {@code --set}-style overrides of the run's sampler, {@code sampler.noise=0.05}, vary value included
 * @param varied the varied path's label and value (e.g. {@code noise}, {@code 0.05}), or null
 * @param models the sweep cases analysed, or null for the experiment's
 * @param pictures chains drawn as image strips
 */
public record Analysis(String id, String name, String type, String start, int chains, int steps, int record,
        List<Integer> at, int points, List<String> sets, Varied varied, List<String> models, int pictures) {
    public static final List<String> TYPES = List.of("chains", "lines");

    /** A varied path's short label and the value of this expansion. */
    public record Varied(String path, String label, String value) {}

    public Analysis {
        at = List.copyOf(at);
        sets = List.copyOf(sets);
        models = models == null ? null : List.copyOf(models);
    }

    /** Whether this analysis runs chains. */
    public boolean runsChains() {
        return "chains".equals(type);
    }

    /** Every field as JSON (what a stored result's key records). */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id).put("name", name).put("type", type).put("start", start).put("chains", chains)
                .put("steps", steps).put("record", record).put("points", points).put("pictures", pictures);
        at.forEach(o.putArray("at")::add);
        sets.forEach(o.putArray("set")::add);
        if (models != null) {
            models.forEach(o.putArray("models")::add);
        }
        return o;
    }
}
