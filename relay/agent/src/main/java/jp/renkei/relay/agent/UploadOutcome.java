package jp.renkei.relay.agent;

/** What became of one outbox file. */
public enum UploadOutcome {
    /** 202: journaled by the relay; the file moved to {@code sent/}. */
    ACKNOWLEDGED,
    /** 200: the relay had journaled this file (same client message id) before; the file moved to {@code sent/}. */
    DUPLICATE,
    /** 4xx: the relay refused it for a reason retrying cannot fix; the file moved to {@code rejected/} with the answer. */
    REJECTED,
    /**
     * Retries exhausted (relay down or busy), or not tried because an earlier file of its office was not sent (its
     * send unit must not overtake it); the file stays in the outbox.
     */
    NOT_SENT
}
