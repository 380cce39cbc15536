package jp.renkei.relay.journal;

/**
 * One received file as the journal holds it.
 *
 * @param sequence assigned by the journal, increasing by one per record; 0 before it is appended
 * @param receivedAtMillis when the relay accepted the upload (epoch milliseconds)
 */
public record JournalEntry(long sequence, String messageId, String fileName, String senderOffice, long receivedAtMillis,
        byte[] content) {

    JournalEntry withSequence(long assigned) {
        return new JournalEntry(assigned, messageId, fileName, senderOffice, receivedAtMillis, content);
    }
}
