package jp.renkei.relay.cardcheck;

/** A check the relay refuses, with the refusal and, for the log, a detail that holds no personal data. */
final class CheckRefusedException extends Exception {
    private final CardCheckRefusal refusal;

    CheckRefusedException(CardCheckRefusal refusal, String detail) {
        super(refusal.code() + ": " + detail);
        this.refusal = refusal;
    }

    CardCheckRefusal refusal() {
        return refusal;
    }
}
