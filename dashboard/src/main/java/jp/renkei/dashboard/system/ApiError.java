package jp.renkei.dashboard.system;

/** The JSON body of every API error: {@code {"code": "DASH-PARAM-001", "message": "..."}}. */
public record ApiError(String code, String message) {
}
