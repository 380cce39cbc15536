package jp.renkei.relay.routing;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.renkei.ingest.landing.ExchangeRows;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.journal.JournalFullException;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.receipt.Receipt;

/**
 * Journals again the held files an operator released ({@code renkei-relay held release}) whose addressee now holds a
 * license. The relay reads the license roster at start, so this runs at start, after the journal and the receipt log
 * have been recovered and the processor has started. Each file goes back into the journal as it arrived — message
 * id, sender, receipt time, the sender's signature and certificate — under a new sequence, and the processor delivers
 * it like any upload: it appears in the addressee's inbox and the sender's receipt turns from {@code held} to
 * {@code delivered}. The held copy is deleted only once the new record is durable; after a crash between the two, the
 * ledger already shows the message delivered and the copy is only deleted.
 */
public final class HeldRelease {
    private static final System.Logger LOG = System.getLogger(HeldRelease.class.getName());
    private static final Set<String> DELIVERED = Set.of(ExchangeRows.DELIVERED, "acknowledged");
    private static final long DURABLE_WITHIN_SECONDS = 60;

    private HeldRelease() {
    }

    /** What a release pass did. */
    public record Outcome(int released, int stillUnregistered) {
    }

    public static Outcome run(HeldFiles heldFiles, OfficeRegistry registry, MessageLedger ledger, Journal journal)
            throws IOException {
        int released = 0;
        int stillUnregistered = 0;
        for (String fileName : heldFiles.releaseRequests()) {
            String addressee = HeldFiles.addressee(fileName);
            if (!registry.isRegistered(addressee)) {
                heldFiles.cancelRelease(fileName);
                stillUnregistered++;
                LOG.log(System.Logger.Level.ERROR, "RELAY-HELD-001 the released file {0} stays held: its addressee {1}"
                        + " holds no license in the roster; add the office to the roster and release it again",
                        fileName, addressee);
                continue;
            }
            JournalEntry held = heldFiles.read(fileName);
            boolean alreadyDelivered = ledger.receipt(held.senderOffice(), held.messageId())
                    .map(Receipt::status).filter(DELIVERED::contains).isPresent();
            if (!alreadyDelivered) {
                journalAgain(journal, held);
                released++;
                LOG.log(System.Logger.Level.INFO, "released the held file {0} (message {1}) to {2}", fileName,
                        held.messageId(), addressee);
            }
            heldFiles.purge(fileName);
        }
        return new Outcome(released, stillUnregistered);
    }

    private static void journalAgain(Journal journal, JournalEntry held) throws IOException {
        JournalEntry again = JournalEntry.signed(held.messageId(), held.clientMessageId(), held.fileName(),
                held.senderOffice(), held.receivedAtMillis(), held.sha256(), held.content(), held.signature(),
                held.signerCertificate());
        try {
            journal.append(again, null).get(DURABLE_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (JournalFullException | ExecutionException | TimeoutException notDurable) {
            throw new IOException("the released file " + held.fileName() + " could not be journaled again; it stays"
                    + " in held/release for the next start", notDurable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while journaling the released file " + held.fileName(), interrupted);
        }
    }
}
