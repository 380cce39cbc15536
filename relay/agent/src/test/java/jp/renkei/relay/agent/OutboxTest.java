package jp.renkei.relay.agent;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.MONTH;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the agent reads an outbox: by the sender in each name, in send-unit order. */
class OutboxTest {
    @TempDir
    Path outbox;

    @Test
    void filesAreGroupedByTheSenderInTheirNamesWhateverFolderTheyAreIn() throws Exception {
        String own = ScheduleFiles.name(CARE_MANAGER, HOME_HELP, SENT_AT);
        String misplaced = ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT);
        String other = ScheduleFiles.name(OTHER_CARE_MANAGER, HOME_HELP, SENT_AT.plusMinutes(1));
        write(CARE_MANAGER, own);
        write(CARE_MANAGER, misplaced);
        write(OTHER_CARE_MANAGER, other);
        write(CARE_MANAGER, "README.txt");

        Outbox scanned = Outbox.scan(outbox);

        assertThat(scanned.bySender()).containsOnlyKeys(CARE_MANAGER, OTHER_CARE_MANAGER);
        assertThat(scanned.bySender().get(CARE_MANAGER)).extracting(Path::getFileName).map(Path::toString)
                .containsExactly(own);
        assertThat(scanned.bySender().get(OTHER_CARE_MANAGER)).extracting(Path::getFileName).map(Path::toString)
                .containsExactly(misplaced, other);
        assertThat(scanned.notStandard()).extracting(Path::getFileName).map(Path::toString).containsExactly("README.txt");
        assertThat(scanned.fileCount()).isEqualTo(4);
    }

    @Test
    void anOfficesFilesGoInSendUnitOrderByTimestampThenName() throws Exception {
        LocalDateTime first = LocalDateTime.of(2026, 11, 1, 8, 0, 0);
        String laterMonthFirstUnit = name(FileKind.UPPLAN, MONTH.plusMonths(1), first);
        String planOfSecondUnit = name(FileKind.UPPLAN, MONTH, first.plusDays(4));
        String claimOfSecondUnit = name(FileKind.UPSIKYU, MONTH, first.plusDays(4));
        String actualsOfThirdUnit = name(FileKind.UPJSK, MONTH.minusMonths(1), first.plusDays(5));
        for (String name : List.of(actualsOfThirdUnit, claimOfSecondUnit, laterMonthFirstUnit, planOfSecondUnit)) {
            write(CARE_MANAGER, name);
        }
        write(CARE_MANAGER, "." + planOfSecondUnit + ".tmp");
        Files.createDirectories(outbox.resolve(CARE_MANAGER).resolve("archive"));

        assertThat(Outbox.scan(outbox).bySender().get(CARE_MANAGER)).extracting(file -> file.getFileName().toString())
                .containsExactly(laterMonthFirstUnit, planOfSecondUnit, claimOfSecondUnit, actualsOfThirdUnit);
    }

    private void write(String office, String name) throws Exception {
        Files.write(Files.createDirectories(outbox.resolve(office)).resolve(name), new byte[] {'x'});
    }

    private static String name(FileKind kind, YearMonth month, LocalDateTime sentAt) {
        return ScheduleFiles.name(kind, month, CARE_MANAGER, HOME_HELP, sentAt);
    }
}
