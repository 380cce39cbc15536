package jp.renkei.ingest.finding;

/** An error rejects the whole input; a warning is reported and the input lands. */
public enum Severity {
    ERROR,
    WARNING
}
