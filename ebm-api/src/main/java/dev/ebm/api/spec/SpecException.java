package dev.ebm.api.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a spec, reported at once. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public SpecException(String path, String message) {
        this(List.of(new SpecProblem(path, message)));
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    /** The same problems under a parent path. */
    public SpecException under(String parent) {
        return new SpecException(problems.stream().map(p -> p.under(parent)).collect(Collectors.toList()));
    }

    private static String format(List<SpecProblem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size() == 1 ? "1 problem in the spec:" : problems.size() + " problems in the spec:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(System.lineSeparator()).append("  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return sb.toString();
    }
}
