package jp.renkei.relay.journal;

import static jp.renkei.relay.journal.JournalCodecTest.assertSameFields;
import static jp.renkei.relay.journal.JournalCodecTest.signedEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalTest {
    private static final int QUEUE_CAPACITY = 1_024;
    private static final int MAXIMUM_BATCH = 64;
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path folder;

    private Path journalFile() {
        return folder.resolve("journal").resolve("journal.log");
    }

    @ParameterizedTest(name = "maximum batch {0}: {1} forces")
    @CsvSource({"1024, 2", "16, 5", "1, 64"})
    void concurrentAppendsShareForcesAndCompleteInSequenceOrder(int maximumBatch, long expectedForces) throws Exception {
        int appends = 64;
        WriterGate gate = new WriterGate();
        List<Long> durableOrder = Collections.synchronizedList(new ArrayList<>());
        Map<String, Object> attachments = new ConcurrentHashMap<>();
        BiConsumer<JournalEntry, Object> onDurable = (entry, attachment) -> {
            durableOrder.add(entry.sequence());
            attachments.put(entry.messageId(), attachment);
            gate.holdOnFirstRecord(entry);
        };
        List<JournalEntry> entries = entries(appends);
        try (Journal<Object> journal = Journal.open(journalFile(), QUEUE_CAPACITY, maximumBatch, recovered -> { }, onDurable)) {
            List<CompletableFuture<JournalEntry>> acknowledgements = new ArrayList<>();
            acknowledgements.add(journal.append(entries.get(0), "attachment of " + entries.get(0).messageId()));
            gate.awaitWriterHeld();
            // The writer is held after its first force: the other appends, from several threads, all queue up.
            ExecutorService uploaders = Executors.newFixedThreadPool(4);
            try {
                List<Future<CompletableFuture<JournalEntry>>> queued = new ArrayList<>();
                for (JournalEntry entry : entries.subList(1, appends)) {
                    queued.add(uploaders.submit(() -> journal.append(entry, "attachment of " + entry.messageId())));
                }
                for (Future<CompletableFuture<JournalEntry>> future : queued) {
                    acknowledgements.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
            } finally {
                uploaders.shutdown();
            }
            assertThat(journal.queueDepth()).isEqualTo(appends - 1);
            gate.release();
            CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(acknowledgements).extracting(acknowledgement -> acknowledgement.join().sequence())
                    .containsExactlyInAnyOrderElementsOf(sequences(1, appends));
            assertThat(durableOrder).containsExactlyElementsOf(sequences(1, appends));
            assertThat(attachments).hasSize(appends)
                    .allSatisfy((messageId, attachment) -> assertThat(attachment).isEqualTo("attachment of " + messageId));
            assertThat(journal.forceCount()).isEqualTo(expectedForces).isLessThanOrEqualTo(appends);
            assertThat(journal.lastSequence()).isEqualTo(appends);
        }
    }

    @Test
    void reopeningRecoversEveryRecordWithItsContentInOrder() throws Exception {
        List<JournalEntry> written = new ArrayList<>();
        try (Journal<Object> journal = open(ignoreRecovered())) {
            for (JournalEntry entry : entries(40)) {
                written.add(journal.append(entry, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        }

        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> journal = open(recovered::add)) {
            assertThat(journal.lastSequence()).isEqualTo(40);
        }

        assertThat(recovered).usingRecursiveComparison().isEqualTo(written);
        assertThat(recovered).extracting(JournalEntry::sequence).containsExactlyElementsOf(sequences(1, 40));
    }

    @Test
    void aHalfWrittenRecordAfterTheLastOneIsCutAndAppendsContinue() throws Exception {
        List<Long> lengths = appendOneByOne(entries(3));
        // A header whose payload never reached the disk: magic "RNK1", length 50, a checksum, then only two bytes.
        Files.write(journalFile(), new byte[] {0x52, 0x4E, 0x4B, 0x31, 0, 0, 0, 50, 1, 2, 3, 4, 9, 9},
                StandardOpenOption.APPEND);

        assertReopeningRecovers(sequences(1, 3), lengths.get(2));
        assertAppendsContinueAt(4);
    }

    @Test
    void garbageAfterTheLastRecordIsCut() throws Exception {
        List<Long> lengths = appendOneByOne(entries(3));
        Files.write(journalFile(), "\0\0garbage that is not a record".getBytes(StandardCharsets.US_ASCII),
                StandardOpenOption.APPEND);

        assertReopeningRecovers(sequences(1, 3), lengths.get(2));
        assertAppendsContinueAt(4);
    }

    @Test
    void aLastRecordCutShortIsDroppedAndItsSequenceIsGivenToTheNextAppend() throws Exception {
        List<Long> lengths = appendOneByOne(entries(3));
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.WRITE)) {
            channel.truncate(lengths.get(2) - 5);
        }

        assertReopeningRecovers(sequences(1, 2), lengths.get(1));
        assertAppendsContinueAt(3);
    }

    @Test
    void aLastRecordFailingItsChecksumIsDropped() throws Exception {
        List<Long> lengths = appendOneByOne(entries(3));
        long insideTheLastContent = lengths.get(2) - 3;
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, insideTheLastContent);
            one.flip();
            byte flipped = (byte) (one.get() ^ 0x01);
            channel.write(ByteBuffer.wrap(new byte[] {flipped}), insideTheLastContent);
        }

        assertReopeningRecovers(sequences(1, 2), lengths.get(1));
        assertAppendsContinueAt(3);
    }

    @Test
    void aFullQueueRefusesAtOnceWithoutTakingASequence() throws Exception {
        WriterGate gate = new WriterGate();
        try (Journal<Object> journal = Journal.open(journalFile(), 1, MAXIMUM_BATCH, recovered -> { },
                (entry, attachment) -> gate.holdOnFirstRecord(entry))) {
            List<JournalEntry> entries = entries(3);
            CompletableFuture<JournalEntry> first = journal.append(entries.get(0), null);
            gate.awaitWriterHeld();
            CompletableFuture<JournalEntry> second = journal.append(entries.get(1), null);

            assertThatThrownBy(() -> journal.append(entries.get(2), null))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("full");

            gate.release();
            assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(1);
            assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(2);
            assertThat(journal.lastSequence()).isEqualTo(2);
        }
    }

    @Test
    void theClientMessageIdAndSha256AreKeptAndVersionOneRecordsAreStillRead() throws Exception {
        JournalEntry old = entry(1);
        Files.createDirectories(journalFile().getParent());
        Files.write(journalFile(), versionOneRecord(1, old));
        JournalEntry withClientId = new JournalEntry(0, "m-2", UUID.randomUUID().toString(), old.fileName(),
                old.senderOffice(), old.receivedAtMillis(), JournalEntry.sha256(old.content()), old.content());
        try (Journal<Object> journal = open(ignoreRecovered())) {
            assertThat(journal.append(withClientId, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(2);
        }

        List<JournalEntry> recovered = new ArrayList<>();
        open(recovered::add).close();

        assertThat(recovered).hasSize(2);
        assertThat(recovered.get(0)).usingRecursiveComparison().isEqualTo(new JournalEntry(1, old.messageId(),
                old.fileName(), old.senderOffice(), old.receivedAtMillis(), old.content()));
        assertThat(recovered.get(0).clientMessageId()).isNull();
        assertThat(recovered.get(1)).usingRecursiveComparison().ignoringFields("sequence").isEqualTo(withClientId);
    }

    /** A record as the first journal format wrote it: magic RNK1, no client message id, no SHA-256. */
    private static byte[] versionOneRecord(long sequence, JournalEntry entry) throws IOException {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(payload)) {
            out.writeLong(sequence);
            out.writeLong(entry.receivedAtMillis());
            out.writeUTF(entry.messageId());
            out.writeUTF(entry.fileName());
            out.writeUTF(entry.senderOffice());
            out.writeInt(entry.content().length);
            out.write(entry.content());
        }
        byte[] bytes = payload.toByteArray();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        return ByteBuffer.allocate(12 + bytes.length).putInt(0x524E4B31).putInt(bytes.length).putInt((int) crc.getValue())
                .put(bytes).array();
    }

    @Test
    void signaturesAndCertificatesSurviveARestartAndUnsignedRecordsStayUnsigned() throws Exception {
        // Made with the sequences the journal will assign, so that each written entry must equal what was appended.
        List<JournalEntry> appended = List.of(signedEntry(1, 256, 1_300), signedEntry(2, 0, 0),
                signedEntry(3, 512, 4_000));
        List<JournalEntry> written = new ArrayList<>();
        try (Journal<Object> journal = open(ignoreRecovered())) {
            for (JournalEntry entry : appended) {
                written.add(journal.append(entry, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        }

        List<JournalEntry> recovered = new ArrayList<>();
        open(recovered::add).close();

        assertThat(recovered).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertSameFields(written.get(i), appended.get(i));
            assertSameFields(recovered.get(i), appended.get(i));
        }
        assertThat(recovered.get(0).signature()).hasSize(256);
        assertThat(recovered.get(1).signature()).isNull();
        assertThat(recovered.get(1).signerCertificate()).isNull();
    }

    @Test
    void aJournalWrittenByVersionTwoRecoversUnsignedAndSignedRecordsFollowIt() throws Exception {
        JournalEntry first = signedEntry(1, 0, 0);
        JournalEntry second = signedEntry(2, 0, 0);
        ByteArrayOutputStream versionTwoJournal = new ByteArrayOutputStream();
        versionTwoJournal.write(JournalCodecTest.record(0x524E4B32, JournalCodecTest.versionTwoPayload(first)));
        versionTwoJournal.write(JournalCodecTest.record(0x524E4B32, JournalCodecTest.versionTwoPayload(second)));
        Files.createDirectories(journalFile().getParent());
        Files.write(journalFile(), versionTwoJournal.toByteArray());
        JournalEntry third = signedEntry(3, 256, 1_300);
        try (Journal<Object> journal = open(ignoreRecovered())) {
            assertThat(journal.lastSequence()).isEqualTo(2);
            journal.append(third, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        List<JournalEntry> recovered = new ArrayList<>();
        open(recovered::add).close();

        assertThat(recovered).hasSize(3);
        assertSameFields(recovered.get(0), first);
        assertSameFields(recovered.get(1), second);
        assertSameFields(recovered.get(2), third);
        assertThat(recovered.get(0).signature()).isNull();
        assertThat(Arrays.copyOf(Files.readAllBytes(journalFile()), versionTwoJournal.size()))
                .as("the version 2 records are left as they were").isEqualTo(versionTwoJournal.toByteArray());
    }

    @Test
    void aSignedLastRecordCutInsideItsCertificateIsDroppedAndEarlierSignedRecordsSurvive() throws Exception {
        List<JournalEntry> appended = List.of(signedEntry(1, 256, 1_300), signedEntry(2, 256, 1_300),
                signedEntry(3, 256, 1_300));
        List<Long> lengths = appendOneByOne(appended);
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.WRITE)) {
            channel.truncate(lengths.get(2) - 650);
        }

        List<JournalEntry> recovered = assertReopeningRecovers(sequences(1, 2), lengths.get(1));
        assertSameFields(recovered.get(0), appended.get(0));
        assertSameFields(recovered.get(1), appended.get(1));
        assertAppendsContinueAt(3);
    }

    /** A damaged length in the last record: its header's, or one inside the payload (then the checksum fails). */
    /**
     * A bit flipped on disk in an acknowledged record (its content, or its length, which hides where the next record
     * begins) is damage, not a torn tail: the records after it were acknowledged too and are all kept; the bad bytes are
     * copied aside, owner-only, and the journal is left as it is.
     */
    @ParameterizedTest(name = "a bit flipped in record 4''s {0}")
    @CsvSource({"content", "length"})
    void aFlippedBitInAnAcknowledgedRecordSetsItAsideAndKeepsEveryRecordAfterIt(String where) throws Exception {
        List<Long> lengths = appendOneByOne(entries(10));
        long recordStart = lengths.get(2);
        long recordEnd = lengths.get(3);
        flipBit(where.equals("length") ? recordStart + 5 : (recordStart + recordEnd) / 2);
        byte[] damagedBytes = Arrays.copyOfRange(Files.readAllBytes(journalFile()), (int) recordStart, (int) recordEnd);

        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> journal = open(recovered::add)) {
            assertThat(journal.lastSequence()).isEqualTo(10);
            DamagedRecord damaged = journal.damagedRecords().get(0);
            assertThat(journal.damagedRecords()).hasSize(1);
            assertThat(damaged.position()).isEqualTo(recordStart);
            assertThat(damaged.length()).isEqualTo(recordEnd - recordStart);
            assertThat(damaged.afterSequence()).isEqualTo(3);
            assertThat(Files.readAllBytes(damaged.copy())).isEqualTo(damagedBytes);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(damaged.copy())))
                    .isEqualTo("rw-------");
            assertThat(journal.append(entry(11), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(11);
        }
        assertThat(recovered).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(recovered.get(3).content()).as("record 5 holds the fifth entry").isEqualTo(entry(4).content());

        List<JournalEntry> again = new ArrayList<>();
        try (Journal<Object> journal = open(again::add)) {
            assertThat(journal.damagedRecords()).as("found again, copied once").hasSize(1);
        }
        assertThat(again).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(Arrays.copyOfRange(Files.readAllBytes(journalFile()), (int) recordStart, (int) recordEnd))
                .as("the damaged bytes stay where they were").isEqualTo(damagedBytes);
        try (var copies = Files.list(DamagedRecord.folder(journalFile()))) {
            assertThat(copies).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0} set to {1}")
    @CsvSource({
        "record length, 2147483632",
        "record length, -1",
        "record length, SHORTER",
        "signature length, 16777215",
        "signature length, 255",
        "certificate length, 1",
    })
    void aLastRecordWithACorruptedLengthIsTreatedAsTorn(String field, String value) throws Exception {
        int signatureBytes = 256;
        int certificateBytes = 1_300;
        List<Long> lengths = appendOneByOne(List.of(signedEntry(1, signatureBytes, certificateBytes),
                signedEntry(2, signatureBytes, certificateBytes), signedEntry(3, signatureBytes, certificateBytes)));
        long recordStart = lengths.get(1);
        long recordEnd = lengths.get(2);
        long offset = switch (field) {
            case "record length" -> recordStart + 4;
            case "signature length" -> recordEnd - certificateBytes - 4 - signatureBytes - 4;
            case "certificate length" -> recordEnd - certificateBytes - 4;
            default -> throw new IllegalArgumentException(field);
        };
        int payloadLength = (int) (recordEnd - recordStart - JournalCodec.HEADER_BYTES);
        int corrupted = value.equals("SHORTER") ? payloadLength - 1 : Integer.parseInt(value);
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer original = ByteBuffer.allocate(4);
            channel.read(original, offset);
            assertThat(original.getInt(0)).as("the field is where the test thinks")
                    .isEqualTo(field.equals("record length") ? payloadLength
                            : field.equals("signature length") ? signatureBytes : certificateBytes);
            channel.write(ByteBuffer.allocate(4).putInt(0, corrupted), offset);
        }

        assertReopeningRecovers(sequences(1, 2), lengths.get(1));
        assertAppendsContinueAt(3);
    }

    @Test
    void aRecordThatPassesItsChecksumButCannotBeReadStopsOpeningAndIsLeftAlone() throws Exception {
        List<Long> lengths = appendOneByOne(entries(2));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(JournalCodecTest.versionTwoPayload(signedEntry(3, 0, 0)));
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeInt(1 << 20); // a signature of 1 MiB, and the bytes to go with it
            out.write(new byte[1 << 20]);
            out.writeInt(0);
        }
        Files.write(journalFile(), JournalCodecTest.record(JournalCodec.MAGIC, payload.toByteArray()),
                StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(journalFile());

        assertThatThrownBy(() -> open(ignoreRecovered()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("RELAY-JOURNAL-003")
                .hasMessageContaining("at byte " + lengths.get(1))
                .hasMessageContaining("signature length 1048576");
        assertThat(Files.readAllBytes(journalFile())).as("the journal is not cut").isEqualTo(before);
    }

    @Test
    void anEntryTooLargeToReadBackIsRefusedAloneAndTakesNoSequence() throws Exception {
        JournalEntry tooLongName = new JournalEntry(0, "m-long", "n".repeat(70_000), "3110000011", 0, new byte[1]);
        try (Journal<Object> journal = open(ignoreRecovered())) {
            assertThatThrownBy(() -> journal.append(tooLongName, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("file name");
            assertThat(journal.queueDepth()).isZero();
            assertThat(journal.append(entry(1), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(1);
        }
    }

    /**
     * An {@link Error} on the writer thread (here from the hand-over after the fsync, where the processor's work
     * begins) must not leave a dead writer behind a live queue: the waiting upload fails at once, later ones are
     * refused, and the relay's listener hears of it to stop the process.
     */
    @Test
    void anErrorOnTheWriterThreadFailsWhatWaitsRefusesWhatComesAndIsReported() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        try (Journal<Object> journal = Journal.open(journalFile(), QUEUE_CAPACITY, MAXIMUM_BATCH, recovered -> { },
                (entry, attachment) -> {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                })) {
            journal.onWriterFailure(reported::complete);
            CompletableFuture<JournalEntry> first = journal.append(entry(1), null);

            assertThatThrownBy(() -> first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(OutOfMemoryError.class);
            assertThat(reported.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class);
            assertThat(journal.writerFailure()).isInstanceOf(OutOfMemoryError.class);
            assertThatThrownBy(() -> journal.append(entry(2), null))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("journal writer stopped");
        }
    }

    @Test
    void aClosedJournalRefusesAppends() throws Exception {
        Journal<Object> journal = open(ignoreRecovered());
        journal.close();

        assertThatThrownBy(() -> journal.append(entries(1).get(0), null))
                .isInstanceOf(JournalFullException.class)
                .hasMessageContaining("shutting down");
    }

    private void flipBit(long position) throws IOException {
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x10)}), position);
        }
    }

    /** Appends one record at a time and returns the file's length after each acknowledgement. */
    private List<Long> appendOneByOne(List<JournalEntry> entries) throws Exception {
        List<Long> lengths = new ArrayList<>();
        try (Journal<Object> journal = open(ignoreRecovered())) {
            for (JournalEntry entry : entries) {
                journal.append(entry, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                lengths.add(Files.size(journalFile()));
            }
        }
        return lengths;
    }

    private List<JournalEntry> assertReopeningRecovers(List<Long> expectedSequences, long expectedLength)
            throws IOException {
        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> journal = open(recovered::add)) {
            assertThat(journal.lastSequence()).isEqualTo(expectedSequences.get(expectedSequences.size() - 1));
        }
        assertThat(recovered).extracting(JournalEntry::sequence).containsExactlyElementsOf(expectedSequences);
        assertThat(Files.size(journalFile())).as("journal length after the torn tail is cut").isEqualTo(expectedLength);
        return recovered;
    }

    /** The next append gets {@code sequence} and, with everything before it, survives another reopen. */
    private void assertAppendsContinueAt(long sequence) throws Exception {
        JournalEntry next = entry(999);
        try (Journal<Object> journal = open(ignoreRecovered())) {
            assertThat(journal.append(next, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).sequence()).isEqualTo(sequence);
        }
        List<JournalEntry> recovered = new ArrayList<>();
        open(recovered::add).close();
        assertThat(recovered).extracting(JournalEntry::sequence).containsExactlyElementsOf(sequences(1, sequence));
        assertThat(recovered.get(recovered.size() - 1)).usingRecursiveComparison().ignoringFields("sequence").isEqualTo(next);
    }

    private Journal<Object> open(Consumer<JournalEntry> recovered) throws IOException {
        return Journal.open(journalFile(), QUEUE_CAPACITY, MAXIMUM_BATCH, recovered, (entry, attachment) -> { });
    }

    private static Consumer<JournalEntry> ignoreRecovered() {
        return entry -> { };
    }

    private static List<JournalEntry> entries(int count) {
        List<JournalEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(i));
        }
        return entries;
    }

    /** A record whose content is seeded random bytes of varied length (empty for index 0). */
    private static JournalEntry entry(int index) {
        SplittableRandom random = new SplittableRandom(index);
        byte[] content = new byte[index == 0 ? 0 : random.nextInt(1, 4_096)];
        random.nextBytes(content);
        String name = "UPPLAN_202610_3110000011_43_3110000029_11_" + (20261105093000L + index) + ".CSV";
        return new JournalEntry(0, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString(),
                name, "3110000011", 1_764_158_400_123L + index, content);
    }

    private static List<Long> sequences(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** Holds the writer thread inside {@code onDurable} of record 1, so that later appends are sure to queue up. */
    private static final class WriterGate {
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void holdOnFirstRecord(JournalEntry entry) {
            if (entry.sequence() != 1) {
                return;
            }
            held.countDown();
            try {
                if (!released.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the journal writer");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitWriterHeld() throws InterruptedException {
            assertThat(held.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the writer reached record 1").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
