package jp.renkei.ingest.standard;

import java.util.List;

/**
 * A file kind's CSV layout: its fields in the order of the layout definition (V4.1). A V3 record is the same list
 * without the fields marked {@link FieldSpec#addedInVersion4()}.
 */
record Layout(FileKind kind, List<FieldSpec> fieldsVersion4) {

    Layout {
        fieldsVersion4 = List.copyOf(fieldsVersion4);
    }

    static Layout of(FileKind kind, FieldSpec... fields) {
        return new Layout(kind, List.of(fields));
    }

    List<FieldSpec> fields(CsvVersion version) {
        if (version.isVersion4()) {
            return fieldsVersion4;
        }
        return fieldsVersion4.stream().filter(field -> !field.addedInVersion4()).toList();
    }

    List<String> names(CsvVersion version) {
        return fields(version).stream().map(FieldSpec::name).toList();
    }
}
