package jp.renkei.relay.cardcheck;

/** The eligibility source cannot answer now (unreachable, unreadable, broken); a later attempt may succeed. */
public final class RegistryUnavailableException extends Exception {
    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
