package jp.renkei.relay.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.StandardFileName;
import org.junit.jupiter.api.Test;

class SendUnitOrderTest {
    private static final LocalDateTime EARLY = LocalDateTime.of(2026, 11, 5, 9, 0, 0);
    private static final LocalDateTime LATE = LocalDateTime.of(2026, 11, 5, 9, 30, 0);

    @Test
    void anInboxListsSendUnitsOldestFirstAndEachInTheStandardsOrder() {
        String lateSchedule = name(FileKind.UPPLAN, LATE, "3110000011");
        String lateSecondTable = name(FileKind.UP2KYO, LATE, "3110000011");
        String lateFirstTable = name(FileKind.UP1KYO, LATE, "3110000011");
        String earlySchedule = name(FileKind.UPPLAN, EARLY, "3110000011");
        String lateOtherSender = name(FileKind.UP1KYO, LATE, "3110000052");

        List<String> listed = SendUnitOrder.sorted(
                Stream.of(lateSchedule, lateOtherSender, lateSecondTable, earlySchedule, lateFirstTable));

        assertThat(listed).containsExactly(earlySchedule, lateFirstTable, lateSecondTable, lateSchedule, lateOtherSender);
    }

    private static String name(FileKind kind, LocalDateTime sentAt, String sender) {
        Optional<YearMonth> month = kind == FileKind.UPPLAN ? Optional.of(YearMonth.of(2026, 12)) : Optional.empty();
        return new StandardFileName(kind, month, sender, "43", "3110000029", "11", sentAt, true).format();
    }
}
