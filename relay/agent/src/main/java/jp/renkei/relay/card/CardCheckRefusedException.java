package jp.renkei.relay.card;

/**
 * The relay refused a check or a challenge: the HTTP status, the relay's stable code (e.g. {@code CARD-CERT-002}),
 * its English message and the message for the office user in Japanese.
 */
public final class CardCheckRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String messageJa;
    private final String checkId;

    public CardCheckRefusedException(int status, String code, String message, String messageJa, String checkId) {
        super(code + " " + message + " (HTTP " + status + (checkId == null ? "" : ", check " + checkId) + ")");
        this.status = status;
        this.code = code;
        this.messageJa = messageJa;
        this.checkId = checkId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** What the office user reads, with the code, e.g. {@code …再発行を受けるよう利用者に伝えてください。（CARD-CERT-003）}. */
    public String messageJa() {
        return messageJa + "（" + code + "）";
    }

    /** The relay's id of the landed check, or null when the refusal happened before a check (e.g. bad token). */
    public String checkId() {
        return checkId;
    }

    /** Whether trying again later may succeed (CARD-REG-001, a challenge that expired). */
    public boolean retryable() {
        return status == 503 || status == 409;
    }
}
