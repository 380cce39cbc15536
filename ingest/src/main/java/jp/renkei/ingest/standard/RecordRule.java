package jp.renkei.ingest.standard;

/** A check across the fields of one parsed record (e.g. a service date inside the record's month). */
@FunctionalInterface
interface RecordRule<R> {
    /** Reports problems through {@code reader}, whose field indexes are the record's (version-adjusted) columns. */
    void check(R record, FieldReader reader, CsvVersion version);
}
