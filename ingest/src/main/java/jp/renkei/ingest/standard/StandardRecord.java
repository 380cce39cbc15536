package jp.renkei.ingest.standard;

import java.util.List;

/** A typed record of any file kind: the three fields every layout starts with, and its fields for writing. */
public interface StandardRecord {
    CsvVersion csvVersion();

    String insurerNumber();

    String insuredPersonNumber();

    /** The record's fields in layout order for its CSV version, ready for {@link StandardFileWriter}. */
    default List<String> toFields() {
        return RecordCodecs.forRecord(this).toFields(this);
    }
}
