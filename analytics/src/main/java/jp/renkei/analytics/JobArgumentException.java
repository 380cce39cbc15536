package jp.renkei.analytics;

/** A job parameter that cannot work (bad month range, no data to infer a default from); carries a stable code. */
public final class JobArgumentException extends RuntimeException {

    private final String code;

    public JobArgumentException(String code, String message) {
        super(code + " " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
