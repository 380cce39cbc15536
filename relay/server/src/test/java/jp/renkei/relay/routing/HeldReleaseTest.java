package jp.renkei.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalSealing;
import jp.renkei.relay.receipt.MessageLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releasing held files at start, against a real journal on disk: once, and never a second time after a crash. */
class HeldReleaseTest {
    private static final String SENDER = "3110000011";
    private static final String ADDRESSEE = "3110000029";
    private static final String NAME = "UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV";
    private static final JournalSealing SEALING = JournalSealing.withKey(new byte[32]);
    private static final OfficeRegistry ADDRESSEE_REGISTERED = new OfficeRegistry(Set.of(SENDER, ADDRESSEE));

    @TempDir
    Path home;

    private final List<JournalEntry> durable = new CopyOnWriteArrayList<>();
    private final MessageLedger ledger = new MessageLedger();
    private HeldFiles heldFiles;
    private Journal<Object> journal;

    @BeforeEach
    void openTheJournal() throws Exception {
        heldFiles = new HeldFiles(home, SEALING);
        journal = Journal.open(Journal.fileIn(home), 16, 8, recovered -> { }, (entry, attachment) -> {
            ledger.journaled(entry);
            durable.add(entry);
        });
        ledger.recover(home.resolve("receipts.log"));
    }

    @AfterEach
    void closeTheJournal() throws Exception {
        journal.close();
        ledger.close();
    }

    @Test
    void aReleasedFileIsJournaledAgainAsItArrivedAndItsCopyDeleted() throws Exception {
        JournalEntry held = heldEntry(7);
        heldFiles.hold(held, Instant.parse("2026-11-05T00:35:00Z"));
        assertThat(heldFiles.requestRelease(NAME)).isTrue();

        HeldRelease.Outcome outcome = HeldRelease.run(heldFiles, ADDRESSEE_REGISTERED, ledger, journal, 7);

        assertThat(outcome).isEqualTo(new HeldRelease.Outcome(1, 0));
        assertThat(durable).singleElement().satisfies(again -> {
            assertThat(again.messageId()).isEqualTo(held.messageId());
            assertThat(again.receivedAtMillis()).isEqualTo(held.receivedAtMillis());
            assertThat(again.content()).isEqualTo(held.content());
            assertThat(again.signature()).isEqualTo(held.signature());
            assertThat(again.signerCertificate()).isEqualTo(held.signerCertificate());
        });
        assertThat(heldFiles.list()).isEmpty();
    }

    /** A crash after the new record was durable and before the copy was deleted: the next start only deletes it. */
    @Test
    void aReleaseTheJournalAlreadyHoldsIsNotJournaledASecondTime() throws Exception {
        JournalEntry held = heldEntry(7);
        heldFiles.hold(held, Instant.parse("2026-11-05T00:35:00Z"));
        heldFiles.requestRelease(NAME);
        ledger.journaled(new JournalEntry(12, held.messageId(), held.clientMessageId(), NAME, SENDER,
                held.receivedAtMillis(), held.sha256(), held.content(), held.signature(), held.signerCertificate()));

        assertThat(HeldRelease.run(heldFiles, ADDRESSEE_REGISTERED, ledger, journal, 12))
                .isEqualTo(new HeldRelease.Outcome(1, 0));
        assertThat(durable).isEmpty();
        assertThat(heldFiles.list()).isEmpty();
    }

    /** Its own record is after the landing checkpoint: the replay at this start routes it with the new roster. */
    @Test
    void aReleaseWhoseRecordIsReplayedNowIsNotJournaledAgain() throws Exception {
        heldFiles.hold(heldEntry(9), Instant.parse("2026-11-05T00:35:00Z"));
        heldFiles.requestRelease(NAME);

        assertThat(HeldRelease.run(heldFiles, ADDRESSEE_REGISTERED, ledger, journal, 8))
                .isEqualTo(new HeldRelease.Outcome(1, 0));
        assertThat(durable).isEmpty();
        assertThat(heldFiles.list()).isEmpty();
    }

    @Test
    void aReleaseForAnAddresseeStillUnregisteredGoesBackToTheHeldFiles() throws Exception {
        heldFiles.hold(heldEntry(7), Instant.parse("2026-11-05T00:35:00Z"));
        heldFiles.requestRelease(NAME);

        assertThat(HeldRelease.run(heldFiles, new OfficeRegistry(Set.of(SENDER)), ledger, journal, 7))
                .isEqualTo(new HeldRelease.Outcome(0, 1));
        assertThat(durable).isEmpty();
        assertThat(heldFiles.list()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo(NAME);
            assertThat(file.addressee()).isEqualTo(ADDRESSEE);
            assertThat(file.releaseRequested()).isFalse();
        });
    }

    /** A file that is not a standard name is listed (and so purged by retention), never released. */
    @Test
    void aHeldFileWithoutAStandardNameIsListedNotReleased() throws Exception {
        Path odd = HeldFiles.folder(home).resolve("release").resolve("notes.txt.sealed");
        Files.createDirectories(odd.getParent());
        Files.write(odd, new byte[] {1, 2, 3});

        assertThat(heldFiles.list()).extracting(HeldFiles.Held::addressee).containsExactly("?");
        assertThat(HeldRelease.run(heldFiles, ADDRESSEE_REGISTERED, ledger, journal, 0))
                .isEqualTo(new HeldRelease.Outcome(0, 1));
        assertThat(durable).isEmpty();
    }

    private static JournalEntry heldEntry(long sequence) {
        byte[] content = "1,UPPLAN\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[256];
        Arrays.fill(signature, (byte) 5);
        return new JournalEntry(sequence, "4b1c0a52-6a4e-4c3e-9d0b-1b2f3c4d5e6f", null, NAME, SENDER, 1_762_302_900_000L,
                JournalEntry.sha256(content), content, signature, new byte[] {48, 3, 2, 1, 0});
    }
}
