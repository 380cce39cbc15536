package jp.renkei.relay.card;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A card reading that failed at the office. {@link #getMessage()} is English with the code and a technical detail;
 * {@link #messageJa()} is what the office user reads. Neither ever contains the PIN.
 */
public final class CardCheckException extends Exception {
    private static final long serialVersionUID = 1L;
    private final CardCheckFailure failure;
    private final int remainingTries;

    CardCheckException(CardCheckFailure failure, String detail) {
        this(failure, -1, detail, null);
    }

    CardCheckException(CardCheckFailure failure, String detail, Throwable cause) {
        this(failure, -1, detail, cause);
    }

    CardCheckException(CardCheckFailure failure, int remainingTries, String detail, Throwable cause) {
        super(failure.code() + " " + failure.message(remainingTries) + (detail == null ? "" : " (" + detail + ")"), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.remainingTries = remainingTries;
    }

    static CardCheckException wrongPin(int remainingTries) {
        return new CardCheckException(CardCheckFailure.WRONG_PIN, remainingTries, null, null);
    }

    public CardCheckFailure failure() {
        return failure;
    }

    /** PIN tries left before the card locks; present for {@link CardCheckFailure#WRONG_PIN} only. */
    public OptionalInt remainingTries() {
        return remainingTries < 0 ? OptionalInt.empty() : OptionalInt.of(remainingTries);
    }

    /** The message for the office user, in Japanese, with the code. */
    public String messageJa() {
        return failure.messageJa(remainingTries) + "（" + failure.code() + "）";
    }
}
