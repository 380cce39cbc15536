package jp.renkei.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import org.junit.jupiter.api.Test;

/** The one way renkei reads a CSV input: the exact header first, then lines of the header's width, by name. */
class HeaderCheckedCsvTest {
    private static final List<String> HEADER = List.of("office_number", "month");

    @Test
    void linesReachTheHandlerByNameWithTheirLineNumberAndAWrongWidthIsAFinding() throws Exception {
        Findings findings = new Findings("roster.csv");
        List<String> read = new ArrayList<>();
        HeaderCheckedCsv.read(new StringReader("\uFEFFoffice_number,month\n1310000001,2026-11\n\n1310000002\n"
                + "1310000003,2026-10\n"), "TST", HEADER, findings,
                (record, line) -> read.add(line + ":" + record.get("office_number") + "/" + record.get("month")));

        assertThat(read).containsExactly("2:1310000001/2026-11", "5:1310000003/2026-10");
        assertThat(findings.list()).extracting(Finding::code, Finding::line).containsExactly(tuple("TST-FIELDS-001", 4L));
    }

    @Test
    void aWrongHeaderStopsTheFileAndSaysWhatWasExpected() throws Exception {
        Findings findings = new Findings("roster.csv");
        List<String> read = new ArrayList<>();
        HeaderCheckedCsv.read(new StringReader("office,month\n1310000001,2026-11\n"), "TST", HEADER, findings,
                (record, line) -> read.add(record.get(0)));

        assertThat(read).isEmpty();
        assertThat(findings.list()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("TST-HEADER-001");
            assertThat(finding.messageEn()).contains("[office_number, month]", "field 1 must be 'office_number'");
            assertThat(finding.column()).isEqualTo(1);
        });
    }

    /** A file without its header starts with data — here a person's number — which no finding may quote. */
    @Test
    void aHeaderFindingSaysWhereTheFirstRowDiffersNeverWhatItHolds() throws Exception {
        Findings findings = new Findings("export.csv");
        HeaderCheckedCsv.read(new StringReader("office_number,H310012345,extra\n"), "TST", HEADER, findings,
                (record, line) -> { });

        assertThat(findings.firstError()).hasValueSatisfying(finding -> {
            assertThat(finding.messageEn()).contains("has 3 field(s)", "field 2 must be 'month'")
                    .doesNotContain("H310012345");
            assertThat(finding.messageJa()).contains("2項目目に「month」").doesNotContain("H310012345");
        });
        Findings longer = new Findings("longer.csv");
        HeaderCheckedCsv.read(new StringReader("office_number,month,H310012345\n"), "TST", HEADER, longer,
                (record, line) -> { });
        assertThat(longer.firstError()).hasValueSatisfying(finding -> assertThat(finding.messageEn())
                .contains("nothing after field 2").doesNotContain("H310012345"));
    }

    @Test
    void anEmptyFileAndBrokenCsvAreFindingsToo() throws Exception {
        Findings empty = new Findings("empty.csv");
        HeaderCheckedCsv.read(new StringReader(""), "TST", HEADER, empty, (record, line) -> { });
        assertThat(empty.list()).extracting(Finding::code).containsExactly("TST-HEADER-001");

        Findings broken = new Findings("broken.csv");
        HeaderCheckedCsv.read(new StringReader("office_number,month\n\"1310000001,2026-11\n"), "TST", HEADER, broken,
                (record, line) -> { });
        assertThat(broken.list()).extracting(Finding::code).containsExactly("TST-CSV-001");
    }
}
