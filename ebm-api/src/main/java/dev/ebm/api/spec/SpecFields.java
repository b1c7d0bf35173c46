package dev.ebm.api.spec;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link SpecField} declarations of spec records, read once per record class. */
public final class SpecFields {
    private static final ClassValue<Map<String, SpecField>> CACHE = new ClassValue<>() {
        @Override
        protected Map<String, SpecField> computeValue(Class<?> type) {
            Map<String, SpecField> m = new LinkedHashMap<>();
            RecordComponent[] components = type.getRecordComponents();
            if (components != null) {
                for (RecordComponent rc : components) {
                    m.put(rc.getName(), SpecField.of(rc));
                }
            }
            return Collections.unmodifiableMap(m);
        }
    };

    private SpecFields() {}

    /** Every component of a record class, in declaration order; empty for a class that is not a record. */
    public static Map<String, SpecField> of(Class<?> record) {
        return CACHE.get(record);
    }

    /** One component's declaration. */
    public static SpecField of(Class<?> record, String name) {
        SpecField f = of(record).get(name);
        if (f == null) {
            throw new IllegalArgumentException(record.getName() + " has no record component '" + name + "'");
        }
        return f;
    }

    /** The {@link OneOf} values of a component, e.g. for a public constant listing the legal activations. */
    public static List<String> choices(Class<?> record, String name) {
        return of(record, name).choices();
    }
}
