package jp.renkei.relay.journal;

/** The journal cannot take a record now; the upload should be retried later. */
public class JournalFullException extends Exception {
    public JournalFullException(String message) {
        super(message);
    }
}
