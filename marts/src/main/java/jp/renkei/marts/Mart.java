package jp.renkei.marts;

import static jp.renkei.marts.ColumnType.BIGINT;
import static jp.renkei.marts.ColumnType.BOOLEAN;
import static jp.renkei.marts.ColumnType.DOUBLE;
import static jp.renkei.marts.ColumnType.INT;
import static jp.renkei.marts.ColumnType.STRING;
import static jp.renkei.marts.MartColumn.optional;
import static jp.renkei.marts.MartColumn.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every mart: its folder under {@code marts/}, its columns in file order with their types, its key, and the column
 * that scopes a row to a prefecture (what a prefecture viewer may read). Analytics writes exactly these columns and the
 * dashboard reads them by these names, so renaming a column here breaks the build of both, not a page;
 * docs/marts.md is checked against this list by {@code MartDocumentationTest}.
 */
public enum Mart {
    MUNICIPAL_ADOPTION("municipal_adoption", List.of("month", "denominator_scope", "municipality_code"),
            ScopeColumns.municipal(), adoptionColumns(true)),
    PREFECTURE_ADOPTION("prefecture_adoption", List.of("month", "denominator_scope", "prefecture_code"),
            ScopeColumns.prefectural(), adoptionColumns(false)),
    MUNICIPAL_SERVICE_ADOPTION("municipal_service_adoption", List.of("month", "municipality_code", "service_type"),
            ScopeColumns.municipal(), List.of(
            required("month", STRING, "YYYY-MM; figures as of the month's end"),
            required("prefecture_code", STRING, ""),
            required("municipality_code", STRING, "全国地方公共団体コード"),
            required("service_type", STRING, "サービス種類コード, one of the in-scope types"),
            optional("service_type_name", STRING, "its official name; null for a code renkei does not name"),
            required("offices_in_scope", BIGINT, "offices of the type located in the municipality"),
            required("offices_applied", BIGINT, "of those, with a license applied for on or before the month's end"),
            required("application_rate", DOUBLE, "offices_applied ÷ offices_in_scope (never null: a row has ≥ 1 office)"),
            required("offices_active", BIGINT, "of those, sending or receiving ≥ 1 delivered file whose 対象年月 is the month"),
            required("active_rate", DOUBLE, "offices_active ÷ offices_in_scope"))),
    CARD_CHECK_ACTIVITY("card_check_activity", List.of("month", "office_number"), ScopeColumns.perOffice(true),
            cardCheckColumns()),
    MODEL_REGION_EFFECT("model_region_effect", List.of("month", "region_id"), ScopeColumns.prefectural(), List.of(
            required("month", STRING, "YYYY-MM; figures as of the month's end"),
            required("prefecture_code", STRING, "the region's prefecture"),
            required("region_id", STRING, "as landed in model_regions"),
            required("region_name", STRING, ""),
            required("start_month", STRING, "YYYY-MM, the region's start"),
            required("months_since_start", INT, "month − start_month; negative before the start"),
            required("budget_yen", BIGINT, "the region's budget"),
            required("prefecture_budget_yen", BIGINT, "the sum of the prefecture's model-region budgets"),
            required("within_caps", BOOLEAN, "budget ≤ ¥8,500,000 and the prefecture's sum ≤ ¥60,000,000"),
            required("region_offices", BIGINT, "in-scope offices in the region (members, and offices of member municipalities)"),
            required("region_applied", BIGINT, "of those, with a license applied for by the month's end"),
            optional("region_application_rate", DOUBLE, "region_applied ÷ region_offices"),
            required("region_active", BIGINT, "of those, sending or receiving ≥ 1 file whose 対象年月 is the month"),
            optional("region_active_rate", DOUBLE, "region_active ÷ region_offices"),
            required("region_linked_pairs", BIGINT, "distinct sender → recipient pairs inside the region with a file of the month"),
            required("region_files", BIGINT, "delivered files of the month between two offices of the region"),
            required("comparison_offices", BIGINT, "the prefecture's in-scope offices in no model region"),
            required("comparison_applied", BIGINT, ""),
            optional("comparison_application_rate", DOUBLE, ""),
            required("comparison_active", BIGINT, ""),
            optional("comparison_active_rate", DOUBLE, ""),
            optional("did_estimate", DOUBLE, "difference in differences of the application rate against the month before the start"),
            optional("did_ci_low", DOUBLE, "95 % interval, normal approximation of the four binomial rates"),
            optional("did_ci_high", DOUBLE, ""))),
    OFFICE_SAVINGS("office_savings", List.of("month", "office_number"), ScopeColumns.perOffice(true), List.of(
            required("month", STRING, "YYYY-MM, the 対象年月 of the files"),
            required("office_number", STRING, "an office with a delivered file of the month"),
            required("prefecture_code", STRING, "the office number's first two digits"),
            optional("municipality_code", STRING, "from offices; null when the office is not listed"),
            required("files_sent", BIGINT, "delivered files it sent"),
            required("files_received", BIGINT, "delivered files it received"),
            required("documents_sent", BIGINT, "persons × addressee of the UPPLAN and UPJSK files it sent: the paper documents not printed"),
            required("lines_received", BIGINT, "records of the UPPLAN and UPJSK files it received: lines not keyed in"),
            required("linked_partners", BIGINT, "distinct offices it exchanged a delivered file with"),
            required("partners_to_bonus", BIGINT, "partners still missing to five (the +¥50k subsidy bonus)"),
            required("sheets_saved", DOUBLE, "documents_sent × sheets per document"),
            required("postage_saved_yen", DOUBLE, "documents_sent × postage × mailed share"),
            required("handling_hours_saved", DOUBLE, "documents_sent × handling minutes ÷ 60"),
            required("transcription_hours_saved", DOUBLE, "lines_received × minutes per line ÷ 60"),
            required("savings_yen", DOUBLE, "paper + postage + hours × staff cost"),
            required("license_yen", DOUBLE, "the license's cost for a month"),
            required("net_savings_yen", DOUBLE, "savings_yen − license_yen"),
            optional("reported_sheets_printed", DOUBLE, "self-reported (effect report) for the month, beside the model"),
            optional("baseline_sheets_printed", DOUBLE, "its mean over the six months before adoption"),
            optional("reported_input_hours", DOUBLE, "self-reported 実績 input hours for the month"),
            optional("baseline_input_hours", DOUBLE, "its mean over the six months before adoption"),
            MartColumn.persons("reported_users", true, "users in its effect report for the month"),
            optional("reported_care_managers_fte", DOUBLE, "care managers (full-time equivalent) in that report"),
            optional("cases_per_care_manager", DOUBLE, "reported_users ÷ reported_care_managers_fte; null without both"),
            optional("band_ii_revenue_effect_yen", DOUBLE, "a 居宅介護支援 office's monthly 居宅介護支援費 under (Ⅱ) minus "
                    + "under (Ⅰ) for its reported caseload (the savings model's unit price and care-level mix); null "
                    + "for other offices and without a report"))),
    PLAN_ACTUAL_AGREEMENT("plan_actual_agreement", List.of("month", "office_number"), ScopeColumns.perOffice(false),
            List.of(
            required("month", STRING, "YYYY-MM, the 対象年月"),
            required("office_number", STRING, "the service office (サービス事業所) whose lines are compared"),
            required("prefecture_code", STRING, "the office number's first two digits"),
            required("planned_lines", BIGINT, "its lines in the plans it received"),
            required("actual_lines", BIGINT, "its lines in the actuals it sent"),
            required("matched_lines", BIGINT, "in both, same person, date, service and start time"),
            required("moved_lines", BIGINT, "same person, date and service, another start time"),
            required("cancelled_lines", BIGINT, "planned, no actual that day"),
            required("added_lines", BIGINT, "actual, not planned that day"),
            required("actuals_received", BOOLEAN, "whether it sent actuals for the month"),
            optional("agreement_rate", DOUBLE, "matched_lines ÷ planned_lines; null without actuals or plan"))),
    IMPROVEMENT_OFFICE("improvement_office", List.of("office_number", "month"), ScopeColumns.perOffice(false), List.of(
            required("office_number", STRING, "a reporting 居宅介護支援 office"),
            required("prefecture_code", STRING, "the office number's first two digits"),
            required("cohort", STRING, "the fiscal year of its adoption, e.g. FY2025"),
            required("adoption_month", STRING, "YYYY-MM of its first license start"),
            required("month", STRING, "YYYY-MM of the report"),
            required("months_since_adoption", INT, "−6 … +24"),
            optional("hours_per_user", DOUBLE, "(input_hours + overtime_hours) ÷ users"),
            optional("baseline_hours_per_user", DOUBLE, "mean hours_per_user over months −6 … −1"),
            optional("productivity_index", DOUBLE, "baseline ÷ hours_per_user: 1 = as before, below 1 = the dip"),
            optional("dip_depth", DOUBLE, "1 − the lowest index over months 0 … +12 (the office's, on every row)"),
            optional("dip_month", INT, "months since adoption of that lowest index"),
            optional("recovered_month", INT, "first month after the dip with index ≥ 1; null if not (yet)"))),
    IMPROVEMENT_CURVE("improvement_curve", List.of("cohort", "months_since_adoption"), ScopeColumns.nationalAggregate(), List.of(
            required("cohort", STRING, "FY of adoption, or all"),
            required("months_since_adoption", INT, "−6 … +24"),
            required("offices", BIGINT, "offices with an index that month"),
            optional("index_p25", DOUBLE, "lower quartile of productivity_index"),
            optional("index_median", DOUBLE, "median of productivity_index"),
            optional("index_p75", DOUBLE, "upper quartile of productivity_index"),
            required("offices_at_baseline", BIGINT, "offices whose index is ≥ 1 that month"))),
    PARTNER_OPPORTUNITIES("partner_opportunities", List.of("month", "office_number", "partner_office_number"),
            ScopeColumns.perOffice(true), List.of(
            required("month", STRING, "YYYY-MM, the 対象年月 of the plans"),
            required("prefecture_code", STRING, "the adopting office's (its number's first two digits)"),
            optional("municipality_code", STRING, "the adopting office's, from offices; null when not listed"),
            required("office_number", STRING, "the adopting office that sent the plans (a care manager)"),
            required("partner_office_number", STRING, "an office its plans name that had not applied by the month's end"),
            required("partner_service_type", STRING, "サービス種類コード of the partner's lines (the lowest when several)"),
            optional("partner_service_type_name", STRING, "its official name; null for a code renkei does not name"),
            optional("partner_name", STRING, "from offices; null when not listed"),
            required("partner_prefecture_code", STRING, "the partner number's first two digits"),
            optional("partner_municipality_code", STRING, "from offices; null when not listed"),
            MartColumn.persons("persons_shared", false, "persons whose plan of the month names both offices"),
            required("partner_lines", BIGINT, "the partner's lines in those plans"),
            required("plan_lines", BIGINT, "every line of those persons' plans: what a UPPLAN to the partner would carry"),
            required("documents", BIGINT, "2 × persons_shared: the plan out and the actuals back, one per person"),
            required("sheets_saved", DOUBLE, "documents × sheets per document"),
            required("postage_saved_yen", DOUBLE, "documents × postage × mailed share"),
            required("hours_saved", DOUBLE, "handling of the documents + keying in plan_lines and partner_lines, in hours"),
            required("savings_yen", DOUBLE, "paper + postage + hours × staff cost, for the pair, a month"))),
    PARTNER_MOST_WANTED("partner_most_wanted", List.of("month", "office_number"), ScopeColumns.perOffice(true), List.of(
            required("month", STRING, "YYYY-MM"),
            required("prefecture_code", STRING, "the office number's first two digits"),
            optional("municipality_code", STRING, "from offices; null when not listed"),
            required("office_number", STRING, "an office not on the system that adopting offices' plans name"),
            required("service_type", STRING, "サービス種類コード (the lowest when several)"),
            optional("service_type_name", STRING, "its official name; null for a code renkei does not name"),
            optional("office_name", STRING, "from offices; null when not listed"),
            required("adopting_partners", BIGINT, "adopting offices whose plans name it"),
            MartColumn.persons("persons_shared", false, "persons of those plans it serves"),
            required("partner_lines", BIGINT, "its lines in those plans"),
            required("savings_yen", DOUBLE, "what its pairs would save a month if it joined (partner_opportunities)"),
            required("prefecture_rank", INT, "1 = most persons shared in its prefecture (then savings, then number)"),
            optional("municipality_rank", INT, "the same within its municipality; null when not listed"))),
    RECRUITMENT_SCENARIOS("recruitment_scenarios", List.of("month", "area_type", "area_code", "top_n"),
            ScopeColumns.municipal(), List.of(
            required("month", STRING, "YYYY-MM"),
            required("area_type", STRING, "municipality or model_region"),
            required("area_code", STRING, "全国地方公共団体コード or region_id"),
            required("area_name", STRING, ""),
            required("prefecture_code", STRING, ""),
            optional("municipality_code", STRING, "the area's code for a municipality; null for a model region"),
            required("top_n", INT, "how many of the area's most-wanted offices are recruited (5 or 10)"),
            required("offices_in_scope", BIGINT, "in-scope offices (office number × service type) of the area"),
            required("offices_applied", BIGINT, "of those, applied by the month's end"),
            optional("application_rate", DOUBLE, "offices_applied ÷ offices_in_scope"),
            required("wanted_offices", BIGINT, "offices of the area not on the system that adopting offices' plans name"),
            required("recruited_offices", BIGINT, "min(top_n, wanted_offices)"),
            required("offices_applied_after", BIGINT, "offices_applied + the in-scope rows of the recruited offices"),
            optional("application_rate_after", DOUBLE, "offices_applied_after ÷ offices_in_scope"),
            MartColumn.persons("persons_added", false, "persons_shared of the recruited offices"),
            required("savings_added_yen", DOUBLE, "savings_yen of the recruited offices, a month"),
            required("visible_lines", BIGINT, "plan lines of the area's offices in adopting offices' plans"),
            required("linked_lines", BIGINT, "of those, of offices on the system"),
            optional("linked_line_share", DOUBLE, "linked_lines ÷ visible_lines"),
            optional("linked_line_share_after", DOUBLE, "(linked_lines + the recruited offices' lines) ÷ visible_lines"))),
    NETWORK_MEASURES("network_measures", List.of("month", "area_type", "area_code"), ScopeColumns.prefectural(),
            List.of(
            required("month", STRING, "YYYY-MM, the 対象年月"),
            required("area_type", STRING, "prefecture or model_region"),
            required("area_code", STRING, "prefecture code or region_id"),
            optional("area_name", STRING, "the model region's name; null for a prefecture"),
            required("prefecture_code", STRING, ""),
            required("offices_applied", BIGINT, "office numbers of the area on the system (applied by the month's end)"),
            required("linked_offices", BIGINT, "of the area's offices, those with a delivered file to or from another office of the area"),
            required("linked_pairs", BIGINT, "unordered pairs of the area's offices with a delivered file of the month"),
            required("largest_group", BIGINT, "offices in the largest connected group those pairs form"),
            optional("largest_group_share", DOUBLE, "largest_group ÷ linked_offices"),
            required("visible_lines", BIGINT, "plan lines of the area's offices in adopting offices' plans"),
            required("linked_lines", BIGINT, "of those, of offices on the system: both ends electronic"),
            optional("linked_line_share", DOUBLE, "linked_lines ÷ visible_lines")));

    private final String folder;
    private final List<String> key;
    private final ScopeColumns scope;
    private final List<MartColumn> columns;

    Mart(String folder, List<String> key, ScopeColumns scope, List<MartColumn> columns) {
        this.folder = folder;
        this.key = List.copyOf(key);
        this.scope = scope;
        this.columns = List.copyOf(columns);
        for (String scopeColumn : scope.names()) {
            column(scopeColumn);
        }
    }

    /** The folder under {@code marts/}, also the mart's name in docs and URLs. */
    public String folder() {
        return folder;
    }

    public List<String> key() {
        return key;
    }

    public List<MartColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(MartColumn::name).toList();
    }

    public MartColumn column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(folder + " has no column " + name));
    }

    /**
     * The columns that place a row in a prefecture, municipality or office: what a prefecture, municipality or office
     * viewer may read of this mart (ARCHITECTURE §8). None for national aggregates, which every role may read.
     */
    /** The columns that count persons ({@link MartColumn#personCount()}). */
    public List<String> personCountColumns() {
        return columns.stream().filter(MartColumn::personCount).map(MartColumn::name).toList();
    }

    /** The columns a reader may filter on (the dashboard's mart API): the key, then the scope columns not in it. */
    public List<String> filterColumns() {
        List<String> columns = new ArrayList<>(key);
        scope.names().stream().filter(column -> !columns.contains(column)).forEach(columns::add);
        return List.copyOf(columns);
    }

    public ScopeColumns scope() {
        return scope;
    }

    /** The column holding the row's prefecture; empty for national aggregates that any role may read. */
    public Optional<String> prefectureColumn() {
        return scope.prefecture();
    }

    /**
     * SHA-256 (hex) over every mart's folder, key and columns (name, type, nullability), so it changes whenever the
     * contract does; a run records it beside its inputs.
     */
    public static String contractFingerprint() {
        StringBuilder contract = new StringBuilder();
        for (Mart mart : values()) {
            contract.append(mart.folder()).append(mart.key());
            for (MartColumn column : mart.columns()) {
                contract.append('|').append(column.name()).append(':').append(column.type()).append(':')
                        .append(column.nullable());
            }
            contract.append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(contract.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    public static Optional<Mart> byFolder(String folder) {
        for (Mart mart : values()) {
            if (mart.folder.equals(folder)) {
                return Optional.of(mart);
            }
        }
        return Optional.empty();
    }

    private static List<MartColumn> adoptionColumns(boolean municipal) {
        List<MartColumn> columns = new ArrayList<>(List.of(
                required("month", STRING, "YYYY-MM; figures as of the month's end"),
                required("denominator_scope", STRING, "all_in_scope or care_management_only"),
                required("prefecture_code", STRING, ""),
                required("prefecture_name", STRING, "")));
        if (municipal) {
            columns.add(required("municipality_code", STRING, "全国地方公共団体コード"));
            columns.add(required("municipality_name", STRING, ""));
        }
        columns.addAll(List.of(
                required("offices_in_scope", BIGINT, ""),
                required("offices_applied", BIGINT, ""),
                optional("application_rate", DOUBLE, "null when offices_in_scope = 0"),
                required("offices_active", BIGINT, ""),
                optional("active_rate", DOUBLE, "null when offices_in_scope = 0")));
        if (municipal) {
            columns.addAll(List.of(
                    optional("national_rank", INT, ""),
                    optional("prefecture_rank", INT, ""),
                    required("size_class", STRING, "S, M, L, XL or NONE"),
                    optional("size_class_rank", INT, ""),
                    optional("rate_change_3m", DOUBLE, ""),
                    optional("wilson_lower_bound", DOUBLE, "lower end of the 95 % Wilson interval of application_rate"),
                    optional("wilson_rank", INT, "rank by wilson_lower_bound: robust to small numbers")));
        } else {
            columns.addAll(List.of(
                    required("municipalities", BIGINT, ""),
                    required("municipalities_at_100", BIGINT, ""),
                    optional("median_municipality_rate", DOUBLE, "")));
        }
        return columns;
    }

    private static List<MartColumn> cardCheckColumns() {
        List<MartColumn> columns = new ArrayList<>(List.of(
                required("month", STRING, "Asia/Tokyo month of checked_at"),
                required("prefecture_code", STRING, ""),
                optional("municipality_code", STRING, "null when the office is not in offices"),
                optional("municipality_name", STRING, ""),
                required("office_number", STRING, ""),
                required("checks", BIGINT, ""),
                required("successes", BIGINT, "eligible + not_eligible"),
                required("success_rate", DOUBLE, ""),
                required("eligible", BIGINT, ""),
                required("not_eligible", BIGINT, ""),
                required("failed", BIGINT, ""),
                required("checks_pin", BIGINT, ""),
                required("checks_face", BIGINT, ""),
                required("checks_visual", BIGINT, "")));
        for (String reason : CardCheckFailureReasons.WITH_COLUMN) {
            columns.add(required("failures_" + reason, BIGINT, ""));
        }
        columns.add(required("failures_other", BIGINT, ""));
        columns.add(optional("latency_p50_ms", DOUBLE, "over successful checks"));
        columns.add(optional("latency_p95_ms", DOUBLE, ""));
        return columns;
    }
}
