package jp.renkei.relay.routing;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalFullException;
import jp.renkei.relay.receipt.MessageLedger;

/**
 * Journals again the held files an operator released ({@code renkei-relay held release}) whose addressee now holds a
 * license. The relay reads the license roster at start, so this runs at start, after the journal and the receipt log
 * have been recovered and the processor has started. Each file goes back into the journal as it arrived — message
 * id, sender, receipt time, the sender's signature and certificate — under a new sequence, and the processor delivers
 * it like any upload: it appears in the addressee's inbox and the sender's receipt turns from {@code held} to
 * {@code delivered}.
 *
 * <p>The released copy is deleted only once the new record is durable. A file is not journaled again when the journal
 * already holds it again (a crash came between the two: the ledger knows the message by a later sequence than the
 * one it was held under) or when its own record is replayed at this start (after the landing checkpoint: the
 * processor routes it with the new roster). A file that cannot be released — its addressee still unregistered, held
 * before whole entries were sealed, or failing to be journaled — is logged with its code and left for the operator;
 * the relay starts regardless.
 */
public final class HeldRelease {
    private static final System.Logger LOG = System.getLogger(HeldRelease.class.getName());
    private static final long DURABLE_WITHIN_SECONDS = 60;

    private HeldRelease() {
    }

    /** What a release pass did. */
    public record Outcome(int released, int notReleased) {
    }

    /** @param replayedAfter the landing checkpoint: records after it are routed again at this start */
    public static Outcome run(HeldFiles heldFiles, OfficeRegistry registry, MessageLedger ledger, Journal<?> journal,
            long replayedAfter) throws IOException {
        int released = 0;
        int notReleased = 0;
        for (String fileName : heldFiles.releaseRequests()) {
            try {
                if (release(fileName, heldFiles, registry, ledger, journal, replayedAfter)) {
                    released++;
                } else {
                    notReleased++;
                }
            } catch (IOException | RuntimeException failed) {
                notReleased++;
                LOG.log(System.Logger.Level.ERROR, "RELAY-HELD-002 the released file " + fileName + " could not be"
                        + " journaled again; it stays in held/release for the next start", failed);
            }
        }
        return new Outcome(released, notReleased);
    }

    private static boolean release(String fileName, HeldFiles heldFiles, OfficeRegistry registry, MessageLedger ledger,
            Journal<?> journal, long replayedAfter) throws IOException {
        Optional<String> addressee = HeldFiles.addressee(fileName);
        if (addressee.isEmpty() || !registry.isRegistered(addressee.get())) {
            heldFiles.cancelRelease(fileName);
            LOG.log(System.Logger.Level.ERROR, "RELAY-HELD-001 the released file {0} stays held: its addressee {1}"
                    + " holds no license in the roster; add the office to the roster and release it again",
                    fileName, addressee.orElse("?"));
            return false;
        }
        Optional<JournalEntry> held = heldFiles.releasedEntry(fileName);
        if (held.isEmpty()) {
            heldFiles.cancelRelease(fileName);
            LOG.log(System.Logger.Level.ERROR, "RELAY-HELD-003 the released file {0} stays held: it was held before the"
                    + " relay kept a held file's signature; export it and have its sender send it again", fileName);
            return false;
        }
        JournalEntry entry = held.get();
        boolean journaledAgain = ledger.sequenceOf(entry.messageId()).stream()
                .anyMatch(sequence -> sequence > entry.sequence());
        boolean replayedNow = entry.sequence() > replayedAfter;
        if (!journaledAgain && !replayedNow) {
            journalAgain(journal, entry);
            LOG.log(System.Logger.Level.INFO, "released the held file {0} (message {1}) to {2}", fileName,
                    entry.messageId(), addressee.get());
        }
        heldFiles.completeRelease(fileName);
        return true;
    }

    private static void journalAgain(Journal<?> journal, JournalEntry held) throws IOException {
        JournalEntry again = JournalEntry.signed(held.messageId(), held.clientMessageId(), held.fileName(),
                held.senderOffice(), held.receivedAtMillis(), held.sha256(), held.content(), held.signature(),
                held.signerCertificate());
        try {
            journal.append(again, null).get(DURABLE_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (JournalFullException | ExecutionException | TimeoutException notDurable) {
            throw new IOException("not durable: " + notDurable.getMessage(), notDurable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while journaling it", interrupted);
        }
    }
}
