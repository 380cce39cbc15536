package jp.renkei.analytics.publish;

/** Publishing failed; {@code _CURRENT} still names the previous run. Carries a stable code ({@code ANA-PUB-nnn}). */
public final class PublishException extends RuntimeException {

    private final String code;

    public PublishException(String code, String message, Throwable cause) {
        super(code + " " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
