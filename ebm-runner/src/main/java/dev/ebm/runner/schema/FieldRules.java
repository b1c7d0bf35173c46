package dev.ebm.runner.schema;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigPart;
import dev.ebm.api.spec.Range;
import dev.ebm.api.spec.SpecField;
import dev.ebm.api.spec.SpecFields;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Publishes each spec record component's declaration ({@link SpecField}: default, ranges, choices, required,
 * pattern) in the schema of its field, the same declaration the record's validation reads. Ranges on a list apply
 * to its entries.
 */
final class FieldRules {
    private FieldRules() {}

    static void apply(SchemaGeneratorConfigPart<FieldScope> fields) {
        fields.withRequiredCheck(f -> !f.isFakeContainerItemScope() && declared(f) != null
                        && declared(f).required() != null)
                .withDefaultResolver(f -> f.isFakeContainerItemScope() || declared(f) == null ? null
                        : declared(f).defaultValue())
                .withEnumResolver(f -> {
                    SpecField d = declared(f);
                    return d == null || d.choices().isEmpty() ? null : (Collection<?>) d.choices();
                })
                .withStringPatternResolver(f -> {
                    SpecField d = declared(f);
                    return d == null || d.matches() == null ? null : "^(?:" + d.matches().value() + ")$";
                })
                .withNumberInclusiveMinimumResolver(f -> bound(f, r -> !r.exclusiveMin(), true))
                .withNumberExclusiveMinimumResolver(f -> bound(f, Range::exclusiveMin, true))
                .withNumberInclusiveMaximumResolver(f -> bound(f, r -> !r.exclusiveMax(), false))
                .withNumberExclusiveMaximumResolver(f -> bound(f, Range::exclusiveMax, false));
    }

    /** The declaration of the record component behind a field (or behind a list field's entries), or null. */
    private static SpecField declared(FieldScope f) {
        Class<?> owner = f.getDeclaringType().getErasedType();
        if (!owner.isRecord()) {
            return null;
        }
        return SpecFields.of(owner).get(f.getDeclaredName());
    }

    /**
     * The tightest lower ({@code lower}) or upper bound of the field's ranges whose exclusivity {@code kind}
     * accepts, when it is the tightest bound overall; null otherwise. Applies to numbers, and to the entries of a
     * list of numbers.
     */
    private static BigDecimal bound(FieldScope f, Predicate<Range> kind, boolean lower) {
        SpecField d = declared(f);
        if (d == null || d.ranges().isEmpty() || (isList(f) && !f.isFakeContainerItemScope())) {
            return null;
        }
        List<Range> ranges = d.ranges();
        Range best = null;
        for (Range r : ranges) {
            double v = lower ? r.min() : r.max();
            if (Double.isInfinite(v)) {
                continue;
            }
            if (best == null || tighter(r, best, lower)) {
                best = r;
            }
        }
        if (best == null || !kind.test(best)) {
            return null;
        }
        return BigDecimal.valueOf(lower ? best.min() : best.max()).stripTrailingZeros();
    }

    private static boolean tighter(Range a, Range b, boolean lower) {
        double va = lower ? a.min() : a.max();
        double vb = lower ? b.min() : b.max();
        if (va != vb) {
            return lower ? va > vb : va < vb;
        }
        return lower ? a.exclusiveMin() && !b.exclusiveMin() : a.exclusiveMax() && !b.exclusiveMax();
    }

    private static boolean isList(FieldScope f) {
        return List.class.isAssignableFrom(f.getDeclaredType().getErasedType());
    }
}
