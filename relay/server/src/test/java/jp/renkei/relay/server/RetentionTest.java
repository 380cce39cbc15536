package jp.renkei.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalSealing;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.routing.HeldFiles;
import jp.renkei.relay.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One retention pass at a time ({@link Retention#runOnce}), without a relay around it: a journal segment goes only when
 * its newest file is older than the retention period and all its records have landed, and its messages leave the
 * ledger with it. {@link RelayRetentionTest} checks the same through a running relay.
 */
class RetentionTest {
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final int FILES = 12;

    @TempDir
    Path home;

    @Test
    void aPassDeletesOnlyOldSegmentsWhoseRecordsHaveAllLanded() throws Exception {
        MutableClock clock = new MutableClock(START);
        Path checkpoint = home.resolve("landing.checkpoint");
        MessageLedger ledger = new MessageLedger();
        try (Journal<Object> journal = Journal.open(Journal.fileIn(home), 8_192, 64, 8, entry -> { },
                (entry, attachment) -> ledger.journaled(entry))) {
            for (int index = 0; index < FILES; index++) {
                journal.append(entry(index, START), null).get(10, TimeUnit.SECONDS);
            }
            assertThat(journal.segmentFiles()).as("small segments: the files spread over several").hasSizeGreaterThan(2);
            Retention retention = new Retention(journal, ledger, new HeldFiles(home, JournalSealing.withKey(new byte[32])),
                    checkpoint, Duration.ofDays(30), clock);

            landedUpTo(checkpoint, FILES);
            clock.advance(Duration.ofDays(29));
            assertThat(retention.runOnce()).as("within the retention period").isEmpty();

            clock.advance(Duration.ofDays(2));
            landedUpTo(checkpoint, 5);
            List<Journal.SegmentSummary> firstPass = retention.runOnce();
            assertThat(firstPass).as("old, but only what has landed").isNotEmpty()
                    .allSatisfy(segment -> assertThat(segment.lastSequence()).isLessThanOrEqualTo(5));
            long forgottenUpTo = firstPass.get(firstPass.size() - 1).lastSequence();
            assertThat(ledger.sequenceOf(entry(0, START).messageId())).as("forgotten with its segment").isEmpty();
            assertThat(ledger.sequenceOf(entry((int) forgottenUpTo, START).messageId())).as("the next is kept").isPresent();

            landedUpTo(checkpoint, FILES);
            retention.runOnce();
            assertThat(journal.segmentFiles()).as("all landed and old: only the segment being written is kept")
                    .hasSize(1);
            assertThat(retention.completedPasses()).isEqualTo(3);
        }
    }

    private static void landedUpTo(Path checkpoint, long sequence) throws Exception {
        Files.writeString(checkpoint, Long.toString(sequence), StandardCharsets.US_ASCII);
    }

    private static JournalEntry entry(int index, Instant receivedAt) {
        byte[] content = new byte[3_000];
        new SplittableRandom(index).nextBytes(content);
        String name = "UPPLAN_202610_3110000011_43_3110000029_11_" + (20261105093000L + index) + ".CSV";
        return new JournalEntry(0, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString(), name,
                "3110000011", receivedAt.toEpochMilli(), content);
    }
}
