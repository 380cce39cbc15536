package jp.renkei.relay.journal;

import jp.renkei.relay.pki.FileDigest;

/**
 * One received file as the journal holds it. The byte arrays are not copied: whoever builds an entry hands them over
 * and does not change them afterwards. Record equality compares them by reference; compare fields with
 * {@code Arrays.equals} where content matters.
 *
 * @param sequence assigned by the journal, increasing by one per record; 0 before it is appended
 * @param clientMessageId the agent's idempotency key ({@code X-Renkei-Message-Id}), or null when it sent none
 * @param receivedAtMillis when the relay accepted the upload (epoch milliseconds)
 * @param sha256 lower-case hex SHA-256 of {@code content}, as acknowledged to the sender
 * @param signature the sender's detached signature over exactly {@code content} (raw bytes, not base64), or null for
 *     an unsigned file and for records written before signatures existed; an empty array is stored as none and reads
 *     back as null
 * @param signerCertificate DER of the X.509 certificate the signature was verified against, or null like
 *     {@code signature}
 * @throws IllegalArgumentException when the signature is longer than {@link #MAXIMUM_SIGNATURE_BYTES} or the
 *     certificate longer than {@link #MAXIMUM_SIGNER_CERTIFICATE_BYTES} (the journal could not read them back)
 */
public record JournalEntry(long sequence, String messageId, String clientMessageId, String fileName, String senderOffice,
        long receivedAtMillis, String sha256, byte[] content, byte[] signature, byte[] signerCertificate) {

    /** Far above an RSA-8192 signature (1 KiB); a longer one is refused rather than journaled. */
    public static final int MAXIMUM_SIGNATURE_BYTES = 16 * 1024;
    /** Far above a certificate with a long chain of extensions (typically 1–4 KiB). */
    public static final int MAXIMUM_SIGNER_CERTIFICATE_BYTES = 64 * 1024;

    public JournalEntry {
        if (signature != null && signature.length > MAXIMUM_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a signature of " + signature.length + " bytes is longer than the "
                    + MAXIMUM_SIGNATURE_BYTES + " the journal keeps");
        }
        if (signerCertificate != null && signerCertificate.length > MAXIMUM_SIGNER_CERTIFICATE_BYTES) {
            throw new IllegalArgumentException("a signer certificate of " + signerCertificate.length
                    + " bytes is longer than the " + MAXIMUM_SIGNER_CERTIFICATE_BYTES + " the journal keeps");
        }
    }

    /** An unsigned record, or one written before signatures existed. */
    public JournalEntry(long sequence, String messageId, String clientMessageId, String fileName, String senderOffice,
            long receivedAtMillis, String sha256, byte[] content) {
        this(sequence, messageId, clientMessageId, fileName, senderOffice, receivedAtMillis, sha256, content, null, null);
    }

    /** An unsigned record without a client message id; the SHA-256 is computed here. */
    public JournalEntry(long sequence, String messageId, String fileName, String senderOffice, long receivedAtMillis,
            byte[] content) {
        this(sequence, messageId, null, fileName, senderOffice, receivedAtMillis, sha256(content), content);
    }

    /**
     * A new record (sequence 0, assigned on append) of a file that arrived with a detached signature, already verified
     * against {@code signerCertificate}.
     */
    public static JournalEntry signed(String messageId, String clientMessageId, String fileName, String senderOffice,
            long receivedAtMillis, String sha256, byte[] content, byte[] signature, byte[] signerCertificate) {
        return new JournalEntry(0, messageId, clientMessageId, fileName, senderOffice, receivedAtMillis, sha256, content,
                signature, signerCertificate);
    }

    JournalEntry withSequence(long assigned) {
        return new JournalEntry(assigned, messageId, clientMessageId, fileName, senderOffice, receivedAtMillis, sha256,
                content, signature, signerCertificate);
    }

    /** Lower-case hex SHA-256, the form acknowledgements, receipts and landing rows carry ({@link FileDigest}). */
    public static String sha256(byte[] content) {
        return FileDigest.sha256(content);
    }
}
