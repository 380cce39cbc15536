package jp.renkei.dashboard.indicator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One indicator for one region over months: the body of {@code /api/v1/indicators/<indicator>}.
 *
 * @param region {@code nation}, a prefecture code or a municipality code, as asked
 * @param level {@code nation}, {@code prefecture} or {@code municipality}
 */
record IndicatorSeries(
        @JsonProperty("indicator") String indicator,
        @JsonProperty("region") String region,
        @JsonProperty("level") String level,
        @JsonProperty("region_name") String regionName,
        @JsonProperty("denominator_scope") String denominatorScope,
        @JsonProperty("numerator") String numerator,
        @JsonProperty("denominator") String denominator,
        @JsonProperty("definition") String definition,
        @JsonProperty("mart_run") String martRun,
        @JsonProperty("points") List<Point> points) {

    /** A month's value (null when the denominator is 0) with the counts it is made of. */
    record Point(@JsonProperty("month") String month, @JsonProperty("value") Double value,
            @JsonProperty("numerator") long numerator, @JsonProperty("denominator") long denominator) {
    }
}
