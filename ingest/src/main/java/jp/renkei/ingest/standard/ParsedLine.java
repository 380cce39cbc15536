package jp.renkei.ingest.standard;

/** A typed record with the physical line its CSV record starts on. */
record ParsedLine<R extends StandardRecord>(long line, R record) {
}
