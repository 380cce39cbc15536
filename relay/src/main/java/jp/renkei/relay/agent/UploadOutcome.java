package jp.renkei.relay.agent;

/** What became of one outbox file. */
public enum UploadOutcome {
    /** 202: journaled by the relay; the file moved to {@code sent/}. */
    ACKNOWLEDGED,
    /** 4xx: the relay refused it for a reason retrying cannot fix; the file moved to {@code rejected/} with the answer. */
    REJECTED,
    /** Retries exhausted (relay down or busy); the file stays in the outbox. */
    NOT_SENT
}
