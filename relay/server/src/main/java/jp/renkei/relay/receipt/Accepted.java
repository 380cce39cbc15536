package jp.renkei.relay.receipt;

/** The answer the relay gave to the first upload of a client message id; repeats get the same. */
public record Accepted(String messageId, String fileName, String sha256, long sequence) {
}
