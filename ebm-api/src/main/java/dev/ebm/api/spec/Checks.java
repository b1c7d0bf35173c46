package dev.ebm.api.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects validation problems in a spec record's compact constructor, filling defaults for absent values, so
 * that one report lists every problem. Call {@link #done()} last.
 *
 * <pre>{@code
 * public LangevinSpec {
 *     Checks c = new Checks();
 *     steps = c.positive("steps", steps, 20);
 *     c.done();
 * }
 * }</pre>
 */
public final class Checks {
    private final List<SpecProblem> problems = new ArrayList<>();
    private final Class<?> record;

    /** Checks without declared fields: use the explicit methods ({@link #positive}, {@link #oneOf}, ...). */
    public Checks() {
        this(null);
    }

    /**
     * Checks of a spec record whose components declare their defaults and rules ({@link Default}, {@link Range},
     * {@link OneOf}, {@link Required}, {@link Matches}); read them with {@link #field}.
     */
    public Checks(Class<? extends Record> record) {
        this.record = record;
    }

    /**
     * A component's value after its declared default, checked against its declared rules; problems are recorded
     * under the component's name. Rules that involve several fields stay in the compact constructor.
     *
     * <pre>{@code
     * public record MlpSpec(..., @Default("0.2") @Range(min = 0) Double leak) implements EnergySpec {
     *     public MlpSpec {
     *         Checks c = new Checks(MlpSpec.class);
     *         leak = c.field("leak", leak);
     *         c.done();
     *     }
     * }
     * }</pre>
     *
     * @param value the value given, or null when the key was absent
     * @return {@code value}, or the default when it is null
     */
    @SuppressWarnings("unchecked")
    public <T> T field(String name, T value) {
        if (record == null) {
            throw new IllegalStateException("field(\"" + name + "\") needs Checks(RecordClass.class)");
        }
        SpecField f = SpecFields.of(record, name);
        T v = value != null ? value : (T) f.defaultValue();
        if (v == null) {
            if (f.required() != null) {
                fail(name, f.requiredMessage());
            }
            return null;
        }
        f.validate(v, this);
        return v;
    }

    /** Records a problem at {@code field}. */
    public void fail(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }

    /** Records a problem unless {@code ok}. */
    public void check(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            fail(field, "is required");
        }
        return value;
    }

    public Integer positive(String field, Integer value, Integer dflt) {
        Integer v = value == null ? dflt : value;
        if (v != null && v <= 0) {
            fail(field, "must be > 0, found " + v);
        }
        return v;
    }

    public Integer nonNegative(String field, Integer value, Integer dflt) {
        Integer v = value == null ? dflt : value;
        if (v != null && v < 0) {
            fail(field, "must be >= 0, found " + v);
        }
        return v;
    }

    public Double positive(String field, Double value, Double dflt) {
        Double v = value == null ? dflt : value;
        if (v != null && !(v > 0 && Double.isFinite(v))) {
            fail(field, "must be > 0, found " + v);
        }
        return v;
    }

    public Double nonNegative(String field, Double value, Double dflt) {
        Double v = value == null ? dflt : value;
        if (v != null && !(v >= 0 && Double.isFinite(v))) {
            fail(field, "must be >= 0, found " + v);
        }
        return v;
    }

    public Double finite(String field, Double value, Double dflt) {
        Double v = value == null ? dflt : value;
        if (v != null && !Double.isFinite(v)) {
            fail(field, "must be a finite number, found " + v);
        }
        return v;
    }

    public Double probability(String field, Double value, Double dflt) {
        Double v = value == null ? dflt : value;
        if (v != null && !(v >= 0 && v <= 1)) {
            fail(field, "must be in [0, 1], found " + v);
        }
        return v;
    }

    public String oneOf(String field, String value, String dflt, Collection<String> choices) {
        String v = value == null ? dflt : value;
        if (v != null && !choices.contains(v)) {
            fail(field, "unknown '" + v + "'; known: " + choices);
        }
        return v;
    }

    /** A closed interval {@code [low, high]} given as a two-element list, or null. */
    public List<Double> interval(String field, List<Double> value) {
        if (value == null) {
            return null;
        }
        if (value.size() != 2 || value.get(0) == null || value.get(1) == null || !(value.get(0) < value.get(1))) {
            fail(field, "must be [low, high] with low < high, found " + value);
            // a copy that keeps the null entries a problem names (List.copyOf would throw on them)
            return java.util.Collections.unmodifiableList(new ArrayList<>(value));
        }
        // List.copyOf refuses null entries: a bad interval is kept as given, the problem above reports it
        return value.contains(null) ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(value))
                : List.copyOf(value);
    }

    public List<SpecProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link SpecException} listing every problem, if there is any. */
    public void done() {
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }
}
