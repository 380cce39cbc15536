package jp.renkei.ingest.standard;

import java.util.Optional;

/**
 * The CSVバージョン values in column 1. V4.1 says {@code 202407}; early V4.0 files say {@code 202504}; V3 (which the
 * linkage system went live with) says {@code 202208}. Receivers accept all three.
 */
public enum CsvVersion {
    V3("202208", false),
    V4_0("202504", true),
    V4_1("202407", true);

    private static final CsvVersion[] VALUES = values();

    private final String value;
    private final boolean version4;

    CsvVersion(String value, boolean version4) {
        this.value = value;
        this.version4 = version4;
    }

    public String value() {
        return value;
    }

    public boolean isVersion4() {
        return version4;
    }

    public static Optional<CsvVersion> fromValue(String value) {
        for (CsvVersion version : VALUES) {
            if (version.value.equals(value)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
