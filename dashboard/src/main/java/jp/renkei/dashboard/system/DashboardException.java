package jp.renkei.dashboard.system;

import org.springframework.http.HttpStatus;

/**
 * A failure a user or operator can act on: a stable code (searchable in logs and by the help desk), the HTTP status
 * and a Japanese message naming the parameter, the expected form or the step to take.
 */
public class DashboardException extends RuntimeException {

    private static final int MAX_ECHO = 40;

    private final HttpStatus status;
    private final String code;

    public DashboardException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** DASH-PARAM-001: a parameter (or header) is malformed; the message names it and its expected form. */
    public static DashboardException badParameter(String name, String expected, String received) {
        return new DashboardException(HttpStatus.BAD_REQUEST, "DASH-PARAM-001",
                "パラメータ " + name + " は " + expected + " で指定してください（受け取った値: '" + echo(received) + "'）");
    }

    /** DASH-MART-001: the mart has no published run the dashboard can read. */
    public static DashboardException martNotPublished(String mart, String detail) {
        return new DashboardException(HttpStatus.SERVICE_UNAVAILABLE, "DASH-MART-001",
                "マート " + mart + " が公開されていません（" + detail + "）。analytics のパイプラインを実行して"
                        + "マートを公開してから、もう一度開いてください。");
    }

    /** DASH-MART-002: no mart of that name exists (a typo in the URL). */
    public static DashboardException unknownMart(String mart, String known) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-MART-002",
                "マート " + echo(mart) + " はありません。指定できるのは " + known + " です。");
    }

    /** DASH-MONTH-001: the month is well-formed but not in the mart. */
    public static DashboardException unknownMonth(String month, String first, String last) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-MONTH-001",
                "月 " + echo(month) + " のデータはありません。指定できる月は " + first + " から " + last + " までです。");
    }

    /** DASH-MONTH-001 when the viewer's scope has no month at all yet: nothing to choose from, so say that. */
    public static DashboardException noMonthsYet(String month, String mart) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-MONTH-001",
                "月 " + echo(month) + " のデータはありません。この表示範囲には " + mart
                        + " の月がまだひとつもありません。月を指定せずに開いてください。");
    }

    /** DASH-SCOPE-001: the caller's role does not cover the requested prefecture, municipality or office. */
    public static DashboardException outOfScope(String requested, Object viewer) {
        return new DashboardException(HttpStatus.FORBIDDEN, "DASH-SCOPE-001",
                echo(requested) + " はこのロール（" + viewer + "）の表示範囲外です。");
    }

    /** DASH-SCOPE-002: the signed-in account carries no renkei role (e.g. an OIDC account without the role claim). */
    public static DashboardException roleRequired(String account) {
        return new DashboardException(HttpStatus.FORBIDDEN, "DASH-SCOPE-002",
                "アカウント " + echo(account) + " にロールが設定されていません。管理者に連絡してください。");
    }

    /** DASH-SCOPE-003: the mart has no column that narrows it to this role (e.g. an office asking for a ranking). */
    public static DashboardException martClosedToRole(String mart, Object viewer) {
        return new DashboardException(HttpStatus.FORBIDDEN, "DASH-SCOPE-003",
                mart + " はこのロール（" + viewer + "）では表示できません。");
    }

    /** DASH-OFFICE-001: no delivered file of this office in the marts (or none the viewer may see). */
    public static DashboardException unknownOffice(String officeNumber) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-OFFICE-001",
                "事業所番号 " + echo(officeNumber) + " の連携実績はマートにありません（連携システムでファイルを送受信した事業所だけが表示されます）。");
    }

    /** DASH-MUNI-001: no such municipality in the marts (a code that is well-formed but not in the master). */
    public static DashboardException unknownMunicipality(String municipalityCode) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-MUNI-001",
                "市区町村コード " + echo(municipalityCode) + " はマートにありません（6 桁の全国地方公共団体コード、例: 131016）。");
    }

    /** DASH-REGION-001: a prefecture or municipality code the marts hold no row for. */
    public static DashboardException unknownRegion(String code) {
        return new DashboardException(HttpStatus.NOT_FOUND, "DASH-REGION-001",
                "地域コード " + echo(code) + " の行はマートにありません（nation、2 桁の都道府県コード、または 6 桁の市区町村コード）。");
    }

    /** DASH-EXPORT-001: the export's text holds a character the requested encoding cannot represent. */
    public static DashboardException notEncodable(String charset, String character) {
        return new DashboardException(HttpStatus.UNPROCESSABLE_CONTENT, "DASH-EXPORT-001",
                "文字「" + character + "」は " + charset + " で表せません。charset=utf-8 で出力してください。");
    }

    private static String echo(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** DASH-MART-001: the mart has no published run yet (a page leaves that section out and says so). */
    public boolean isMartUnpublished() {
        return "DASH-MART-001".equals(code);
    }
}
