package jp.renkei.relay.receipt;

import java.time.Instant;

/**
 * What the sender of a message may learn about it.
 *
 * @param deliveredAt when it reached the addressee's inbox (or the held folder), or null
 * @param acknowledgedAt when the addressee acknowledged its download, or null
 * @param status {@code received} (journaled, not yet routed), {@code delivered}, {@code held} or {@code acknowledged}
 */
public record Receipt(String messageId, String fileName, String sha256, Instant receivedAt, Instant deliveredAt,
        Instant acknowledgedAt, String status) {
}
