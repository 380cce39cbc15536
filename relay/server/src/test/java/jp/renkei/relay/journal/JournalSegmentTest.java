package jp.renkei.relay.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal in several segment files: recovery across them, reads from old ones, and deletion after retention. */
class JournalSegmentTest {
    /** Four 3 KB records fill a segment. */
    private static final long SEGMENT_BYTES = 10_000;
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path folder;

    private Path journalFile() {
        return folder.resolve("journal").resolve("journal.log");
    }

    @Test
    void recordsSpreadOverSegmentsRecoverInOrderAndReadBackFromAnySegment() throws Exception {
        List<JournalEntry> written = appendAll(20);
        List<JournalEntry> recovered = new ArrayList<>();

        try (Journal<Object> journal = open(recovered::add)) {
            assertThat(journal.segmentFiles()).hasSizeGreaterThan(3).first().isEqualTo(journalFile());
            assertThat(journal.segmentFiles().get(1).getFileName().toString()).matches("journal\\.log\\.\\d{20}");
            for (JournalEntry entry : written) {
                assertThat(journal.read(entry.sequence()).content()).isEqualTo(entry.content());
            }
            assertThat(journal.append(entry(20), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(21);
        }
        assertThat(recovered).extracting(JournalEntry::sequence).containsExactlyElementsOf(sequences(1, 20));
    }

    @Test
    void oldSegmentsAreDeletedOldestFirstWhileAcceptedAndTheNextSequenceSurvives() throws Exception {
        appendAll(20);
        List<Long> forgottenUpTo = new ArrayList<>();
        List<Journal.SegmentSummary> deleted;
        List<Path> before;
        try (Journal<Object> journal = open(entry -> { })) {
            before = journal.segmentFiles();
            deleted = journal.deleteOldSegments(segment -> segment.lastSequence() <= 10, forgottenUpTo::add);

            assertThat(deleted).isNotEmpty().allSatisfy(segment -> assertThat(segment.lastSequence()).isLessThanOrEqualTo(10));
            assertThat(forgottenUpTo).containsExactlyElementsOf(deleted.stream().map(Journal.SegmentSummary::lastSequence).toList());
            assertThat(deleted.get(0).firstSequence()).isEqualTo(1);
            assertThat(deleted.get(0).newestReceivedAtMillis()).isPositive();
            long firstKept = deleted.get(deleted.size() - 1).lastSequence() + 1;
            assertThatThrownBy(() -> journal.read(1)).isInstanceOf(IOException.class).hasMessageContaining("no record 1");
            assertThat(journal.read(firstKept).sequence()).isEqualTo(firstKept);
            deleted.forEach(segment -> assertThat(segment.path()).doesNotExist());
        }
        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> reopened = open(recovered::add)) {
            assertThat(reopened.segmentFiles()).hasSize(before.size() - deleted.size());
            assertThat(reopened.append(entry(20), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(21);
        }
        assertThat(recovered).extracting(JournalEntry::sequence)
                .containsExactlyElementsOf(sequences(deleted.get(deleted.size() - 1).lastSequence() + 1, 20));
    }

    @Test
    void theSegmentBeingWrittenIsNeverDeletedSoAnEmptyJournalStillKnowsItsNextSequence() throws Exception {
        appendAll(8);
        try (Journal<Object> journal = open(entry -> { })) {
            journal.deleteOldSegments(segment -> true, sequence -> { });
            assertThat(journal.segmentFiles()).hasSize(1);
        }
        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> reopened = open(recovered::add)) {
            long next = reopened.append(entry(8), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence();
            assertThat(next).as("never a sequence handed out before").isEqualTo(9);
        }
    }

    /** A segment is forced before the next begins, so an unreadable end of an older one is damage, not a tear. */
    @Test
    void anUnreadableEndOfASegmentThatIsNotTheLastIsSetAsideAndTheLaterSegmentsAreRead() throws Exception {
        appendAll(12);
        Path first = journalFile();
        long length = Files.size(first);
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.truncate(length - 100);
        }
        long cut = length - 100;

        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> reopened = open(recovered::add)) {
            assertThat(reopened.damagedRecords()).singleElement().satisfies(damaged -> {
                assertThat(damaged.segment()).isEqualTo(first);
                assertThat(damaged.position() + damaged.length()).isEqualTo(cut);
            });
            assertThat(reopened.lastSequence()).isEqualTo(12);
        }
        assertThat(Files.size(first)).as("the older segment is left as it is").isEqualTo(cut);
        assertThat(recovered).extracting(JournalEntry::sequence).as("every record but the cut one")
                .hasSize(11).contains(12L);
    }

    private List<JournalEntry> appendAll(int count) throws Exception {
        List<JournalEntry> written = new ArrayList<>();
        try (Journal<Object> journal = open(entry -> { })) {
            for (int index = 0; index < count; index++) {
                written.add(journal.append(entry(index), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        }
        return written;
    }

    private Journal<Object> open(java.util.function.Consumer<JournalEntry> recovered) throws IOException {
        return Journal.open(journalFile(), SEGMENT_BYTES, 64, 8, recovered, (entry, attachment) -> { });
    }

    private static JournalEntry entry(int index) {
        byte[] content = new byte[3_000];
        new SplittableRandom(index).nextBytes(content);
        String name = "UPPLAN_202610_3110000011_43_3110000029_11_" + (20261105093000L + index) + ".CSV";
        return new JournalEntry(0, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString(), name,
                "3110000011", 1_764_158_400_123L + index, content);
    }

    private static List<Long> sequences(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
