package jp.renkei.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of mart {@code municipal_adoption} for a month and scope. JSON names are the mart's column names
 * (docs/marts.md), so an indicator has one name everywhere. Nullable fields are null exactly when the mart says so
 * (no in-scope office, or no figure three months earlier).
 */
public record MunicipalAdoptionRow(
        @JsonProperty("municipality_code") String municipalityCode,
        @JsonProperty("municipality_name") String municipalityName,
        @JsonProperty("prefecture_code") String prefectureCode,
        @JsonProperty("prefecture_name") String prefectureName,
        @JsonProperty("offices_in_scope") long officesInScope,
        @JsonProperty("offices_applied") long officesApplied,
        @JsonProperty("application_rate") Double applicationRate,
        @JsonProperty("offices_active") long officesActive,
        @JsonProperty("active_rate") Double activeRate,
        @JsonProperty("national_rank") Integer nationalRank,
        @JsonProperty("prefecture_rank") Integer prefectureRank,
        @JsonProperty("size_class") String sizeClass,
        @JsonProperty("size_class_rank") Integer sizeClassRank,
        @JsonProperty("rate_change_3m") Double rateChange3m,
        @JsonProperty("wilson_lower_bound") Double wilsonLowerBound,
        @JsonProperty("wilson_rank") Integer wilsonRank) {

    /** The columns read, in this record's order. */
    static final String COLUMNS = "municipality_code, municipality_name, prefecture_code, prefecture_name, "
            + "offices_in_scope, offices_applied, application_rate, offices_active, active_rate, national_rank, "
            + "prefecture_rank, size_class, size_class_rank, rate_change_3m, wilson_lower_bound, wilson_rank";

    /** Ranked rows have at least one in-scope office; the others are listed last with "—". */
    public boolean ranked() {
        return nationalRank != null;
    }
}
