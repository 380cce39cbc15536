package jp.renkei.marts;

/** The Parquet types the marts use, named as Spark SQL and DuckDB name them. */
public enum ColumnType {
    STRING("string", "VARCHAR"),
    INT("int", "INTEGER"),
    BIGINT("bigint", "BIGINT"),
    DOUBLE("double", "DOUBLE"),
    BOOLEAN("boolean", "BOOLEAN");

    private final String sparkName;
    private final String duckDbName;

    ColumnType(String sparkName, String duckDbName) {
        this.sparkName = sparkName;
        this.duckDbName = duckDbName;
    }

    /** As Spark's {@code DataType.simpleString()} prints it. */
    public String sparkName() {
        return sparkName;
    }

    /** As DuckDB's {@code DESCRIBE} prints it. */
    public String duckDbName() {
        return duckDbName;
    }
}
