package jp.renkei.relay.cardcheck;

/**
 * Why the relay refused a check: the stable code, the HTTP status, the {@code failure_reason} that lands in
 * {@code card_checks}, and messages for the log (English) and for the office user (Japanese).
 */
enum CardCheckRefusal {
    CHALLENGE_INVALID("CARD-CHAL-001", 409, "challenge_invalid",
            "the challenge is unknown, expired, already used or was issued to another office; request a new one",
            "確認用の番号（チャレンジ）が無効です（期限切れ・使用済み・別の事業所のもの）。もう一度確認をやり直してください。"),
    ISSUER_UNTRUSTED("CARD-CERT-001", 403, "issuer_untrusted",
            "the card certificate was not issued by a trusted issuer",
            "カードの電子証明書の発行元を確認できません。マイナンバーカードかどうかを確かめ、別のカードでないか確認してください。"),
    CERTIFICATE_EXPIRED("CARD-CERT-002", 403, "certificate_expired",
            "the card certificate is expired or not yet valid",
            "カードの電子証明書の有効期限が切れています。市区町村の窓口で電子証明書の更新を受けるよう利用者に伝えてください。"),
    CERTIFICATE_REVOKED("CARD-CERT-003", 403, "certificate_revoked",
            "the card certificate has been revoked",
            "カードの電子証明書は失効しています。市区町村の窓口で電子証明書の再発行を受けるよう利用者に伝えてください。"),
    SIGNATURE_INVALID("CARD-SIG-001", 403, "signature_invalid",
            "the signature does not verify against the card certificate and the challenge",
            "カードの署名を確認できませんでした。カードを置き直して、もう一度確認をやり直してください。"),
    PERSON_NOT_FOUND("CARD-PERSON-001", 404, "person_not_found",
            "no insured person is registered for this card certificate",
            "このカードの方の介護保険の資格情報が見つかりません。被保険者証で確認し、保険者（市区町村）に問い合わせてください。"),
    REGISTRY_UNREACHABLE("CARD-REG-001", 503, "registry_unreachable",
            "the eligibility registry could not be reached after retries; retry later",
            "資格情報の照会先に接続できませんでした。しばらく待ってからもう一度確認してください。続く場合は被保険者証で確認してください。"),
    NOT_ENTITLED("CARD-PRIV-001", 403, "not_entitled",
            "a face or visual check proves no card in the reader, so it is answered only to an office registered as the"
            + " person's; check with the PIN, or have the person register your office",
            "顔認証・目視の確認は、この方の事業所として登録された事業所にのみ回答します。暗証番号で確認してください。"),
    UNSIGNED_LIMIT("CARD-RATE-001", 429, "unsigned_check_limit",
            "your office has made its face and visual checks for this hour; check with the PIN or wait for the next hour",
            "この1時間の顔認証・目視による確認の上限に達しました。暗証番号で確認するか、次の時間帯にやり直してください。"),
    MALFORMED_REQUEST("CARD-REQ-001", 400, "malformed_request",
            "the request is malformed",
            "確認の要求に誤りがあります。連携ソフトを最新にしてください。続く場合はサポートに連絡してください。");

    private final String code;
    private final int status;
    private final String reason;
    private final String message;
    private final String messageJa;

    CardCheckRefusal(String code, int status, String reason, String message, String messageJa) {
        this.code = code;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.messageJa = messageJa;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    /** The {@code failure_reason} of the landed row. */
    String reason() {
        return reason;
    }

    String message() {
        return message;
    }

    String messageJa() {
        return messageJa;
    }
}
