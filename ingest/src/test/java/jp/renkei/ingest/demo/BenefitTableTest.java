package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileReader;
import jp.renkei.ingest.standard.StandardFileWriter;
import org.junit.jupiter.api.Test;

/** The demo's 第7表 passes the reader's subtotal and total rules. */
class BenefitTableTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @Test
    void demoBenefitTableIsValid() {
        List<ScheduleRecord> lines = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            lines.add(line(day, "3110000029", "111211", 431));
            lines.add(line(day, "3110000037", "151111", 655));
        }
        lines.add(line(5, "3110000029", "116275", 120));
        List<List<String>> rows = BenefitTable.rows("310011", "0123456789", MONTH, LocalDate.of(2026, 9, 28),
                "3110000011", lines);
        String name = new StandardFileName(FileKind.UPSIKYU, Optional.of(MONTH), "3110000011", "43", "3110000029", "11",
                LocalDateTime.of(2026, 10, 1, 9, 0), true).format();

        StandardFile file = new StandardFileReader().read(name, StandardFileWriter.toBytes(rows));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.typedRecords()).hasSize(rows.size());
    }

    private static ScheduleRecord line(int day, String office, String code, int units) {
        return new ScheduleRecord(CsvVersion.V4_1, "310011", "0123456789", LocalDate.of(2026, 9, 28), MONTH, "3110000011",
                "介護 支援子", units, null, MONTH.atDay(day), "", "0900", "1000", 1, code, "", "", "", "", office,
                "事業所", "", "0", "3110000011", "");
    }
}
