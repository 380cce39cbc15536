package jp.renkei.relay.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal sealed at rest with AES-GCM: nothing readable on disk, everything back with the key, nothing without. */
class JournalSealingTest {
    private static final JournalSealing KEY = JournalSealing.withKey(bytes(32, (byte) 7));
    private static final JournalSealing OTHER_KEY = JournalSealing.withKey(bytes(32, (byte) 9));
    private static final String PERSON = "H987654321";
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path folder;

    private Path journalFile() {
        return folder.resolve("journal").resolve("journal.log");
    }

    @Test
    void sealedRecordsHoldNothingReadableAndComeBackWholeWithTheKey() throws Exception {
        List<JournalEntry> written = append(KEY, 0, 5);

        byte[] onDisk = Files.readAllBytes(journalFile());
        assertThat(contains(onDisk, PERSON.getBytes(StandardCharsets.US_ASCII))).as("the person number in clear").isFalse();
        assertThat(contains(onDisk, "UPPLAN_202610".getBytes(StandardCharsets.US_ASCII))).as("the file name").isFalse();
        assertThat(contains(onDisk, written.get(0).messageId().getBytes(StandardCharsets.US_ASCII))).isFalse();

        List<JournalEntry> recovered = new ArrayList<>();
        try (Journal<Object> journal = open(KEY, recovered::add)) {
            assertThat(journal.read(3).content()).isEqualTo(written.get(2).content());
        }
        assertThat(recovered).hasSize(5);
        for (int index = 0; index < 5; index++) {
            assertThat(recovered.get(index).messageId()).isEqualTo(written.get(index).messageId());
            assertThat(recovered.get(index).content()).isEqualTo(written.get(index).content());
            assertThat(recovered.get(index).signature()).isEqualTo(written.get(index).signature());
        }
    }

    @Test
    void anotherKeyOrNoKeyStopsOpeningWithACodeAndLeavesTheJournalAlone() throws Exception {
        append(KEY, 0, 3);
        byte[] before = Files.readAllBytes(journalFile());

        assertThatThrownBy(() -> open(OTHER_KEY, entry -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("RELAY-JOURNAL-005").hasMessageContaining("another key");
        assertThatThrownBy(() -> open(null, entry -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("RELAY-JOURNAL-005").hasMessageContaining("no journal key");
        assertThat(Files.readAllBytes(journalFile())).isEqualTo(before);
    }

    @Test
    void aPlainJournalTakesSealedRecordsAfterItsOwnAndRecoversBoth() throws Exception {
        append(null, 0, 2);
        append(KEY, 2, 2);

        List<JournalEntry> recovered = new ArrayList<>();
        open(KEY, recovered::add).close();

        assertThat(recovered).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aTornSealedLastRecordIsCutAndTheOthersSurvive() throws Exception {
        append(KEY, 0, 3);
        long length = Files.size(journalFile());
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.WRITE)) {
            channel.truncate(length - 40);
        }

        List<JournalEntry> recovered = new ArrayList<>();
        open(KEY, recovered::add).close();

        assertThat(recovered).extracting(JournalEntry::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aSealedRecordAlteredOnDiskFailsItsTagAndStopsOpeningInsteadOfBeingCut() throws Exception {
        append(KEY, 0, 2);
        alterFirstRecordKeepingItsChecksum();

        assertThatThrownBy(() -> open(KEY, entry -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("RELAY-JOURNAL-003").hasMessageContaining("authentication tag");
    }

    /** Flips a ciphertext byte of record 1 and recomputes its CRC32C, as a deliberate alteration would. */
    private void alterFirstRecordKeepingItsChecksum() throws IOException {
        try (FileChannel channel = FileChannel.open(journalFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
            channel.read(header, 0);
            int length = header.getInt(4);
            ByteBuffer payload = ByteBuffer.allocate(length);
            channel.read(payload, JournalCodec.HEADER_BYTES);
            payload.array()[length / 2] ^= 0x01;
            CRC32C crc = new CRC32C();
            crc.update(payload.array());
            header.putInt(8, (int) crc.getValue());
            channel.write(header.rewind(), 0);
            channel.write(payload.rewind(), JournalCodec.HEADER_BYTES);
        }
    }

    private List<JournalEntry> append(JournalSealing sealing, int first, int count) throws Exception {
        List<JournalEntry> written = new ArrayList<>();
        try (Journal<Object> journal = open(sealing, entry -> { })) {
            for (int index = first; index < first + count; index++) {
                written.add(journal.append(entry(index), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        }
        return written;
    }

    private Journal<Object> open(JournalSealing sealing, Consumer<JournalEntry> recovered) throws IOException {
        return Journal.open(journalFile(), Journal.DEFAULT_SEGMENT_BYTES, sealing, 64, 8, recovered, (entry, x) -> { });
    }

    private static JournalEntry entry(int index) {
        String name = "UPPLAN_202610_3110000011_43_3110000029_11_" + (20261105093000L + index) + ".CSV";
        byte[] content = ("4.1,310011," + PERSON + ",20261001,visit " + index).getBytes(StandardCharsets.US_ASCII);
        return JournalEntry.signed(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString(), null,
                name, "3110000011", 1_764_158_400_123L + index, JournalEntry.sha256(content), content,
                bytes(256, (byte) index), bytes(700, (byte) 3));
    }

    private static byte[] bytes(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int offset = 0; offset < needle.length; offset++) {
                if (haystack[start + offset] != needle[offset]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
