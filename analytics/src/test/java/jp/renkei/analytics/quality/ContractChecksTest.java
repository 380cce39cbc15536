package jp.renkei.analytics.quality;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ContractChecksTest {
    private static final String COLUMNS = "cohort,months_since_adoption,offices,index_p25,index_median,index_p75,"
            + "offices_at_baseline";

    @Test
    void aConformingMartPassesEveryCheck() {
        Dataset<Row> curve = curve(row("all", "0", "3", "0.9", "1.0", "1.1", "2"),
                row("all", "1", "3", null, null, null, "0"));

        assertThat(ContractChecks.outputs(Mart.IMPROVEMENT_CURVE, curve)).allSatisfy(check ->
                assertThat(check.evaluate()).as(check.name()).isEmpty());
    }

    @Test
    void aRepeatedKeyAndANullInARequiredColumnAreEachNamedWithTheirRows() {
        Dataset<Row> curve = curve(row("all", "0", "3", "0.9", "1.0", "1.1", "2"),
                row("all", "0", "4", "0.9", "1.0", "1.1", "2"),
                row("FY2025", "2", null, "0.9", "1.0", "1.1", "2"));

        List<Optional<QualityFinding>> findings = ContractChecks.outputs(Mart.IMPROVEMENT_CURVE, curve).stream()
                .map(QualityCheck::evaluate).toList();

        assertThat(findings.get(0)).hasValueSatisfying(finding -> assertThat(finding.message())
                .contains("ANA-DQ-002", "cohort=all months_since_adoption=0"));
        assertThat(findings.get(1)).hasValueSatisfying(finding -> assertThat(finding.message())
                .contains("ANA-DQ-012", "cohort=FY2025 months_since_adoption=2"));
    }

    private static Dataset<Row> curve(String[]... rows) {
        return MartFrames.conform(strings(COLUMNS, rows), Mart.IMPROVEMENT_CURVE);
    }
}
