package jp.renkei.relay.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One received file as the journal holds it.
 *
 * @param sequence assigned by the journal, increasing by one per record; 0 before it is appended
 * @param clientMessageId the agent's idempotency key ({@code X-Renkei-Message-Id}), or null when it sent none
 * @param receivedAtMillis when the relay accepted the upload (epoch milliseconds)
 * @param sha256 lower-case hex SHA-256 of {@code content}, as acknowledged to the sender
 */
public record JournalEntry(long sequence, String messageId, String clientMessageId, String fileName, String senderOffice,
        long receivedAtMillis, String sha256, byte[] content) {

    /** A record without a client message id; the SHA-256 is computed here. */
    public JournalEntry(long sequence, String messageId, String fileName, String senderOffice, long receivedAtMillis,
            byte[] content) {
        this(sequence, messageId, null, fileName, senderOffice, receivedAtMillis, sha256(content), content);
    }

    JournalEntry withSequence(long assigned) {
        return new JournalEntry(assigned, messageId, clientMessageId, fileName, senderOffice, receivedAtMillis, sha256,
                content);
    }

    /** Lower-case hex SHA-256, the form acknowledgements, receipts and landing rows carry. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
