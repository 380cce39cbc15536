package jp.renkei.relay.journal;

import java.io.IOException;

/**
 * RELAY-JOURNAL-005: the journal's sealed records cannot be opened with the key given (another key, or none). Its own
 * type, so that a scan passes it on as it is rather than calling the record damaged (RELAY-JOURNAL-003).
 */
final class JournalKeyException extends IOException {
    JournalKeyException(String message) {
        super("RELAY-JOURNAL-005 " + message);
    }
}
