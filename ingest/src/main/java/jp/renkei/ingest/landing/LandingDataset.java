package jp.renkei.ingest.landing;

import java.util.List;
import java.util.Optional;

/**
 * The datasets of the landing zone and their columns, in file order (docs/landing-zone.md).
 * Writers and the Spark readers share these lists, so a renamed column breaks the build rather than a mart.
 *
 * <p>{@code schedule_lines}, nine tenths of the landing zone's bytes, is partitioned by its rows' 対象年月 as well as by
 * landing date ({@code schedule_lines/month=YYYY-MM/dt=YYYY-MM-DD/}): a run for one month then reads that month's
 * lines, not every line ever landed.
 */
public enum LandingDataset {
    MUNICIPALITIES("municipalities",
            "municipality_code", "prefecture_code", "prefecture_name", "municipality_name", "municipality_kana"),
    OFFICES("offices",
            "office_number", "service_type", "office_name", "municipality_code", "prefecture_code"),
    APPLICATIONS("applications",
            "office_number", "service_type", "applied_on", "license_start", "license_end", "plan"),
    EXCHANGES("exchanges",
            "message_id", "kind", "csv_version", "sender_office", "sender_service_type", "recipient_office",
            "recipient_service_type", "target_month", "records", "persons", "bytes", "sha256", "received_at",
            "delivered_at", "acked_at", "status"),
    SCHEDULE_LINES("schedule_lines", List.of(
            "message_id", "kind", "person_key", "insurer", "target_month", "service_date", "service_code",
            "service_office", "units", "start_time", "end_time", "count"), "target_month"),
    CARD_CHECKS("card_checks",
            "check_id", "office", "insurer", "person_key", "method", "result", "failure_reason", "latency_ms",
            "checked_at"),
    EFFECT_REPORTS("effect_reports",
            "office_number", "month", "sheets_printed", "input_hours", "paper_postage_yen", "returned_claims",
            "overtime_hours", "paid_leave_rate", "care_managers_fte", "users"),
    MODEL_REGIONS("model_regions",
            "prefecture_code", "region_id", "region_name", "budget_yen", "start_month", "member_type", "member_code"),
    CARD_ROLLOUT("card_rollout",
            "municipality_code", "start_month");

    /** The folder level above {@code dt=} of a dataset partitioned by month: {@code month=YYYY-MM}. */
    public static final String MONTH_PARTITION = "month";
    /** The folder level of every part: {@code dt=YYYY-MM-DD}, the Tokyo date on which it landed. */
    public static final String LANDING_DATE_PARTITION = "dt";
    /** The names of the files a reader reads ({@code part-<id>.csv}); anything else (temp names) is not a part. */
    public static final String PART_GLOB = "part-*.csv";
    private static final String PART_PREFIX = "part-";
    private static final String PART_SUFFIX = ".csv";

    private final String directoryName;
    private final String monthColumn;
    private final List<String> columns;

    LandingDataset(String directoryName, String... columns) {
        this(directoryName, List.of(columns), null);
    }

    LandingDataset(String directoryName, List<String> columns, String monthColumn) {
        this.directoryName = directoryName;
        this.columns = columns;
        this.monthColumn = monthColumn;
        if (monthColumn != null && !this.columns.contains(monthColumn)) {
            throw new IllegalArgumentException(directoryName + " is partitioned by a column it does not have: " + monthColumn);
        }
    }

    /** The folder under {@code landing/}. */
    public String directoryName() {
        return directoryName;
    }

    public List<String> columns() {
        return columns;
    }

    /** {@code part-<id>.csv}. */
    public static String partFileName(String partId) {
        return PART_PREFIX + partId + PART_SUFFIX;
    }

    /** The id of a part file's name ({@code part-<id>.csv}), or empty when the name is not a part's. */
    public static Optional<String> partId(String fileName) {
        if (!fileName.startsWith(PART_PREFIX) || !fileName.endsWith(PART_SUFFIX)
                || fileName.length() <= PART_PREFIX.length() + PART_SUFFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(PART_PREFIX.length(), fileName.length() - PART_SUFFIX.length()));
    }

    /**
     * The column ({@code YYYY-MM}) whose value names each row's {@code month=} folder, when the dataset is partitioned
     * by month; the rows of one part then all hold the same value there.
     */
    public Optional<String> monthColumn() {
        return Optional.ofNullable(monthColumn);
    }
}
