package dev.ebm.api.spec;

/**
 * One thing wrong with a spec.
 *
 * @param path where, e.g. {@code sampler.stepSize} or {@code objective[1].weight}
 * @param message what is wrong and what is legal, e.g. {@code must be > 0, found -0.01}
 */
public record SpecProblem(String path, String message) {

    /** The same problem under a parent path. */
    public SpecProblem under(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        if (path.isEmpty()) {
            return new SpecProblem(parent, message);
        }
        return new SpecProblem(path.startsWith("[") ? parent + path : parent + "." + path, message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
