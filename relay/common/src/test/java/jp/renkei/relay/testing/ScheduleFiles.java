package jp.renkei.relay.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;

/** Hand-built UPPLAN (第6表 予定) files between a care manager and service offices, valid unless a test breaks them. */
public final class ScheduleFiles {
    /** 居宅介護支援 (43) that writes the plans. */
    public static final String CARE_MANAGER = "3110000011";
    /** A second care manager, for outboxes of more than one office. */
    public static final String OTHER_CARE_MANAGER = "3110000052";
    /** 訪問介護 (11), registered with the relay. */
    public static final String HOME_HELP = "3110000029";
    /** An office that holds no license: the relay does not know it. */
    public static final String UNREGISTERED = "3110000045";
    public static final String INSURER = "310011";
    public static final YearMonth MONTH = YearMonth.of(2026, 10);
    public static final LocalDateTime SENT_AT = LocalDateTime.of(2026, 11, 5, 9, 30, 0);

    private ScheduleFiles() {
    }

    /** The V4 name of an UPPLAN for {@link #MONTH} from {@code sender} (43) to {@code recipient} (11). */
    public static String name(String sender, String recipient, LocalDateTime sentAt) {
        return name(FileKind.UPPLAN, MONTH, sender, recipient, sentAt);
    }

    public static String name(FileKind kind, YearMonth month, String sender, String recipient, LocalDateTime sentAt) {
        return new StandardFileName(kind, Optional.of(month), sender, "43", recipient, "11", sentAt, true).format();
    }

    /** One planned 訪問介護 visit of {@code insuredPerson} on {@code day} of {@link #MONTH}, 09:00–10:00, 250 units. */
    public static ScheduleRecord visit(String insuredPerson, int day, String serviceOffice) {
        return new ScheduleRecord(CsvVersion.V4_1, INSURER, insuredPerson, LocalDate.of(2026, 9, 28), MONTH, CARE_MANAGER,
                "山田 花子", 250, null, MONTH.atDay(day), "", "0900", "1000", 1, "111211", "", "", "", "", serviceOffice,
                "ひまわり訪問介護", "", "0", "", "");
    }

    /** The file's bytes in the standard's physical format (MS932, CRLF). */
    public static byte[] content(List<ScheduleRecord> records) {
        return StandardFileWriter.toBytes(records.stream().map(ScheduleRecord::toFields).toList());
    }

    /** A valid file with one visit per insured person, days 1, 2, 3, … */
    public static byte[] plan(String serviceOffice, String... insuredPersons) {
        List<ScheduleRecord> visits = new ArrayList<>();
        for (int i = 0; i < insuredPersons.length; i++) {
            visits.add(visit(insuredPersons[i], i + 1, serviceOffice));
        }
        return content(visits);
    }

    /** A file whose records are given as raw field lists, for content the relay must refuse. */
    public static byte[] raw(List<List<String>> records) {
        return StandardFileWriter.toBytes(records);
    }
}
