package jp.renkei.relay.card;

/**
 * Why a card reading failed at the office, with a stable code, the {@code failure_reason} sent to the relay, and what
 * the office user sees (Japanese first, English for logs and the help desk).
 */
public enum CardCheckFailure {
    NO_READER("CARD-OFFICE-001", "no_reader",
            "カードリーダーが見つかりません。カードリーダーがパソコンに接続されているか確認してください。",
            "No card reader found. Check that the card reader is connected to this computer."),
    NO_CARD_TIMEOUT("CARD-OFFICE-002", "no_card_timeout",
            "カードが置かれませんでした。マイナンバーカードをカードリーダーに置いてから、もう一度お試しください。",
            "No card was placed on the reader in time. Place the My Number card on the reader and try again."),
    CARD_REMOVED("CARD-OFFICE-003", "card_removed",
            "確認の途中でカードが取り外されました。カードをカードリーダーに置いたまま、もう一度お試しください。",
            "The card was taken off the reader during the check. Leave it on the reader and try again."),
    WRONG_PIN("CARD-OFFICE-004", "wrong_pin",
            "暗証番号が違います。あと%d回間違えるとカードがロックされます。",
            "Wrong PIN. %d more wrong attempt(s) will lock the card."),
    PIN_LOCKED("CARD-OFFICE-005", "pin_locked",
            "暗証番号がロックされています。ロックの解除はお住まいの市区町村の窓口で行えます。本日は顔認証または目視で確認してください。",
            "The card's PIN is locked; the holder's municipality can unlock it. Use face or visual confirmation today."),
    CARD_ERROR("CARD-OFFICE-006", "card_error",
            "カードを読み取れませんでした。マイナンバーカードの向きを確認して置き直し、もう一度お試しください。",
            "The card could not be read. Check that it is a My Number card, place it again and retry.");

    private final String code;
    private final String reason;
    private final String messageJa;
    private final String message;

    CardCheckFailure(String code, String reason, String messageJa, String message) {
        this.code = code;
        this.reason = reason;
        this.messageJa = messageJa;
        this.message = message;
    }

    /** Stable code for logs, the help desk and the UI, e.g. {@code CARD-OFFICE-004}. */
    public String code() {
        return code;
    }

    /** The {@code failure_reason} reported to the relay, e.g. {@code wrong_pin}. */
    public String reason() {
        return reason;
    }

    /** The message for the office user; {@code remainingTries} is used by {@link #WRONG_PIN} only. */
    public String messageJa(int remainingTries) {
        return this == WRONG_PIN ? messageJa.formatted(remainingTries) : messageJa;
    }

    public String message(int remainingTries) {
        return this == WRONG_PIN ? message.formatted(remainingTries) : message;
    }
}
