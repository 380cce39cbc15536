package jp.renkei.ingest.standard;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between a layout's fields and its typed record, whose components are the layout's fields in the same
 * order. The pairing is checked once, when the codec is built: a record that drifts from its layout fails at class
 * initialisation, not on a user's file. V3 records leave the V4-only components at "" (text) or null.
 */
final class RecordCodec<R extends Record & StandardRecord> {
    private final Class<R> type;
    private final Layout layout;
    private final List<RecordRule<R>> rules;
    private final Constructor<R> constructor;
    private final Method[] accessors;

    RecordCodec(Class<R> type, Layout layout, List<RecordRule<R>> rules) {
        this.type = type;
        this.layout = layout;
        this.rules = List.copyOf(rules);
        RecordComponent[] components = type.getRecordComponents();
        List<FieldSpec> specs = layout.fieldsVersion4();
        if (components.length != specs.size()) {
            throw new IllegalStateException(type.getSimpleName() + " has " + components.length
                    + " components but the " + layout.kind() + " layout has " + specs.size() + " fields");
        }
        for (int i = 0; i < components.length; i++) {
            Class<?> expected = specs.get(i).type().javaType();
            Class<?> actual = components[i].getType();
            if (!(actual == expected || (actual == int.class && expected == Integer.class))) {
                throw new IllegalStateException(type.getSimpleName() + "." + components[i].getName() + " is "
                        + actual.getSimpleName() + " but field " + (i + 1) + " (" + specs.get(i).name() + ") is "
                        + specs.get(i).type());
            }
        }
        this.accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    Class<R> type() {
        return type;
    }

    Layout layout() {
        return layout;
    }

    /** Validates the fields (whose count the reader has checked) and returns the record, or null on an error. */
    R parse(CsvVersion version, long line, List<String> fields, FieldReader reader) {
        List<FieldSpec> specs = layout.fields(version);
        reader.start(line, fields, specs);
        long errorsBefore = reader.errorCount();
        Object[] values = new Object[layout.fieldsVersion4().size()];
        int column = 0;
        for (int i = 0; i < values.length; i++) {
            FieldSpec spec = layout.fieldsVersion4().get(i);
            if (spec.addedInVersion4() && !version.isVersion4()) {
                values[i] = spec.type().javaType() == String.class ? "" : null;
            } else {
                values[i] = reader.read(column++);
            }
        }
        values[0] = version;
        if (reader.errorCount() > errorsBefore) {
            return null;
        }
        R record = construct(values);
        for (RecordRule<R> rule : rules) {
            rule.check(record, reader, version);
        }
        return reader.errorCount() > errorsBefore ? null : record;
    }

    /** The record's fields in layout order for its CSV version. */
    List<String> toFields(StandardRecord record) {
        boolean version4 = record.csvVersion().isVersion4();
        List<String> fields = new ArrayList<>(accessors.length);
        for (int i = 0; i < accessors.length; i++) {
            FieldSpec spec = layout.fieldsVersion4().get(i);
            if (version4 || !spec.addedInVersion4()) {
                fields.add(format(get(i, record)));
            }
        }
        return fields;
    }

    /** The record built from values in layout order (V4 positions), for tests and generators. */
    R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException wrong) {
            throw new IllegalArgumentException("cannot build " + type.getSimpleName() + ": " + wrong, wrong);
        }
    }

    Object get(int index, StandardRecord record) {
        try {
            return accessors[index].invoke(record);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CsvVersion version) {
            return version.value();
        }
        if (value instanceof LocalDate date) {
            return StandardValues.formatDate(date);
        }
        if (value instanceof YearMonth month) {
            return StandardValues.formatMonth(month);
        }
        return value.toString();
    }
}
