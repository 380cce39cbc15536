package jp.renkei.ingest.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardCheckLogTest {
    private static final String HEADER = String.join(",", CardCheckLog.HEADER) + "\r\n";
    private static final CardCheckLog.Entry GOOD = new CardCheckLog.Entry(
            UUID.fromString("00000000-0000-3000-8000-000000000001"), "3112010018", "312011", "0001000001", "pin",
            "eligible", "", 1_650, Instant.parse("2026-11-04T01:23:45Z"));
    private static final CardCheckLog.Entry UNKNOWN_PERSON = new CardCheckLog.Entry(
            UUID.fromString("00000000-0000-3000-8000-000000000002"), "3112010018", "", "", "pin", "failed",
            "person_not_found", 2_100, Instant.parse("2026-11-05T02:00:00Z"));

    @Test
    void writtenEntriesReadBackEqualAndLandPseudonymised() throws IOException, InputRejectedException {
        String written = write(List.of(GOOD, UNKNOWN_PERSON));

        assertThat(written).startsWith(HEADER).contains(",3112010018,,,pin,failed,person_not_found,2100,");
        List<CardCheckLog.Entry> read = CardCheckLog.read("card-checks-2026-11.csv", new StringReader("\uFEFF" + written));
        assertThat(read).containsExactly(GOOD, UNKNOWN_PERSON);

        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(new byte[32]);
        List<Object> row = read.get(0).toLandingRow(pseudonymizer);
        assertThat(row).containsExactly(GOOD.checkId().toString(), "3112010018", "312011",
                pseudonymizer.personKey("0001000001"), "pin", "eligible", null, 1_650L, GOOD.checkedAt());
        assertThat(row).doesNotContain("0001000001");
        assertThat(read.get(1).toLandingRow(pseudonymizer)).containsExactly(UNKNOWN_PERSON.checkId().toString(),
                "3112010018", null, null, "pin", "failed", "person_not_found", 2_100L, UNKNOWN_PERSON.checkedAt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id not a UUID          | x,3112010018,312011,0001000002,pin,eligible,,1650,2026-11-04T01:23:45Z             | CCL-ID-001      | 1 | check_id
            office too short       | %s,311201001,312011,0001000002,pin,eligible,,1650,2026-11-04T01:23:45Z            | CCL-OFFICE-001  | 2 | office
            insurer check digit    | %s,3112010018,312012,0001000002,pin,eligible,,1650,2026-11-04T01:23:45Z           | CCL-INSURER-001 | 3 | insurer
            person 9 digits        | %s,3112010018,312011,000100000,pin,eligible,,1650,2026-11-04T01:23:45Z            | CCL-PERSON-001  | 4 | insured_person_number
            person without insurer | %s,3112010018,,0001000002,pin,eligible,,1650,2026-11-04T01:23:45Z                 | CCL-PERSON-002  | 3 | insurer
            method unknown         | %s,3112010018,312011,0001000002,iris,eligible,,1650,2026-11-04T01:23:45Z          | CCL-METHOD-001  | 5 | method
            result unknown         | %s,3112010018,312011,0001000002,pin,ok,,1650,2026-11-04T01:23:45Z                 | CCL-RESULT-001  | 6 | result
            failed without reason  | %s,3112010018,312011,0001000002,pin,failed,,1650,2026-11-04T01:23:45Z             | CCL-REASON-001  | 7 | failure_reason
            reason unknown         | %s,3112010018,312011,0001000002,pin,failed,bad_luck,1650,2026-11-04T01:23:45Z     | CCL-REASON-002  | 7 | failure_reason
            latency negative       | %s,3112010018,312011,0001000002,pin,eligible,,-5,2026-11-04T01:23:45Z             | CCL-LATENCY-001 | 8 | latency_ms
            time without zone      | %s,3112010018,312011,0001000002,pin,eligible,,1650,2026-11-04T10:23:45            | CCL-TIME-001    | 9 | checked_at
            check id repeated      | 00000000-0000-3000-8000-000000000001,3112010018,312011,0001000002,pin,eligible,,1650,2026-11-04T01:23:45Z | CCL-DUP-001 | 1 | check_id
            """)
    void eachProblemIsOneErrorAtItsLineAndField(String title, String line, String code, int column, String field)
            throws IOException {
        String content = HEADER + write(List.of(GOOD)).substring(HEADER.length())
                + line.replace("%s", "00000000-0000-3000-8000-000000000009") + "\r\n";

        InputRejectedException rejected = catchThrowableOfType(
                () -> CardCheckLog.read("card-checks-2026-11.csv", new StringReader(content)), InputRejectedException.class);

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple(code, 3L, column, field));
    }

    @Test
    void aWrongHeaderOrAnEmptyFileRejectsIt() throws IOException {
        for (String content : List.of("", "check_id,office\r\n")) {
            InputRejectedException rejected = catchThrowableOfType(
                    () -> CardCheckLog.read("card-checks.csv", new StringReader(content)), InputRejectedException.class);
            assertThat(rejected.findings()).extracting(Finding::code).containsExactly("CCL-HEADER-001");
        }
    }

    private static String write(List<CardCheckLog.Entry> entries) throws IOException {
        StringWriter writer = new StringWriter();
        try (CSVPrinter printer = CardCheckLog.printer(writer)) {
            CardCheckLog.writeHeader(printer);
            for (CardCheckLog.Entry entry : entries) {
                CardCheckLog.write(printer, entry);
            }
        }
        return writer.toString();
    }
}
