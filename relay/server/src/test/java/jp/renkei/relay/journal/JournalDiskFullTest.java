package jp.renkei.relay.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the journal on a 512 KiB tmpfs (mounting needs root, which the test command has on this kind of
 * machine). Appends that hit ENOSPC fail without a trace, every acknowledged record survives a reopen, and once space
 * is freed appends continue with the next sequence.
 */
class JournalDiskFullTest {
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path folder;
    private Path mountPoint;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        mountPoint = Files.createDirectories(folder.resolve("small-disk"));
        run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mountPoint.toString());
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mountPoint.toString());
    }

    @Test
    void appendsThatFindTheDiskFullFailAloneAndTheJournalStaysWhole() throws Exception {
        Path journalFile = mountPoint.resolve("journal").resolve("journal.log");
        Path filler = mountPoint.resolve("filler");
        List<JournalEntry> acknowledged = new ArrayList<>();
        int failures = 0;
        try (Journal<Object> journal = Journal.open(journalFile, 64, 16, entry -> { }, (entry, attachment) -> { })) {
            Files.write(filler, new byte[300 * 1024]);
            for (int index = 0; index < 100 && failures < 3; index++) {
                try {
                    acknowledged.add(journal.append(entry(index), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException diskFull) {
                    assertThat(diskFull.getCause()).isInstanceOf(IOException.class)
                            .hasMessageContaining("No space left on device");
                    failures++;
                }
            }
            assertThat(failures).as("the disk filled up").isEqualTo(3);
            assertThat(acknowledged).as("records acknowledged before it did").isNotEmpty();
            long acknowledgedLength = Files.size(journalFile);

            Files.delete(filler);
            JournalEntry afterSpaceReturned = journal.append(entry(1_000), null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

            assertThat(afterSpaceReturned.sequence()).as("failed appends took no sequence")
                    .isEqualTo(acknowledged.size() + 1L);
            assertThat(Files.size(journalFile)).isGreaterThan(acknowledgedLength);
            acknowledged.add(afterSpaceReturned);
        }
        List<JournalEntry> recovered = new ArrayList<>();
        Journal.open(journalFile, 64, 16, recovered::add, (entry, attachment) -> { }).close();
        assertThat(recovered).extracting(JournalEntry::messageId)
                .containsExactlyElementsOf(acknowledged.stream().map(JournalEntry::messageId).toList());
        assertThat(recovered).extracting(JournalEntry::sha256)
                .containsExactlyElementsOf(acknowledged.stream().map(JournalEntry::sha256).toList());
    }

    /** About 40 KB of seeded bytes, so a handful of records fills what the filler leaves. */
    private static JournalEntry entry(int index) {
        byte[] content = new byte[40 * 1024];
        new SplittableRandom(index).nextBytes(content);
        String name = "UPPLAN_202610_3110000011_43_3110000029_11_" + (20261105093000L + index) + ".CSV";
        return new JournalEntry(0, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString(), name,
                "3110000011", 1_764_158_400_123L + index, content);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (this test needs root to mount a"
                    + " small tmpfs): " + output);
        }
    }
}
