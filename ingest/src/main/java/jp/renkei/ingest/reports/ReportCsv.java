package jp.renkei.ingest.reports;

/**
 * What renkei's own report files share beyond {@link jp.renkei.ingest.csv.HeaderCheckedCsv}: months written
 * {@code YYYY-MM}.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    /** A real month written {@code YYYY-MM}, or null. */
    public static java.time.YearMonth month(String value) {
        if (value.matches("\\d{4}-\\d{2}")) {
            int number = Integer.parseInt(value.substring(5));
            if (number >= 1 && number <= 12) {
                return java.time.YearMonth.of(Integer.parseInt(value.substring(0, 4)), number);
            }
        }
        return null;
    }
}
