package jp.renkei.dashboard.security;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import jp.renkei.marts.ScopeColumns;

/**
 * The role of the signed-in caller and what it may see (ARCHITECTURE §8): a ministry analyst everything; a prefecture
 * its own prefecture (its model regions included); a municipality its own rows; an office its own office. The code is
 * the prefecture (2 digits), the 全国地方公共団体コード (6 digits) or the 事業所番号 (10 digits); the first two digits
 * of the latter two are the prefecture.
 *
 * <p>{@link #conditions} turns the role into SQL equality conditions on a mart's {@link ScopeColumns}: every query
 * applies them, so scope is enforced in DuckDB, never by filtering rows afterwards.
 */
public record Viewer(Role role, String code) implements Serializable {

    public enum Role {
        MINISTRY("ministry", null), PREFECTURE("prefecture", Pattern.compile("\\d{2}")),
        MUNICIPALITY("municipality", Pattern.compile("\\d{6}")), OFFICE("office", Pattern.compile("\\d{10}"));

        private final String prefix;
        private final Pattern code;

        Role(String prefix, Pattern code) {
            this.prefix = prefix;
            this.code = code;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** The accepted forms, for error messages and the users file's documentation. */
    public static final String FORMS = "ministry, prefecture:NN, municipality:NNNNNN, office:NNNNNNNNNN";

    public Viewer {
        if (role == Role.MINISTRY ? code != null : code == null || !role.code.matcher(code).matches()) {
            throw new IllegalArgumentException("not a valid " + role.prefix + " code: " + code);
        }
        if (role != Role.MINISTRY && !isPrefectureCode(code.substring(0, 2))) {
            throw new IllegalArgumentException("the code " + code + " does not start with a prefecture (01–47)");
        }
    }

    public static Viewer ministry() {
        return new Viewer(Role.MINISTRY, null);
    }

    public static Viewer prefecture(String code) {
        return new Viewer(Role.PREFECTURE, code);
    }

    public static Viewer municipality(String code) {
        return new Viewer(Role.MUNICIPALITY, code);
    }

    public static Viewer office(String number) {
        return new Viewer(Role.OFFICE, number);
    }

    /** Parses one of {@link #FORMS}; empty when the text is none of them. */
    public static Optional<Viewer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (Role.MINISTRY.prefix.equals(text)) {
            return Optional.of(ministry());
        }
        for (Role role : Role.values()) {
            if (role != Role.MINISTRY && text.startsWith(role.prefix + ":")) {
                try {
                    return Optional.of(new Viewer(role, text.substring(role.prefix.length() + 1)));
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPrefectureCode(String code) {
        int n = Integer.parseInt(code);
        return n >= 1 && n <= 47;
    }

    /** The prefecture every row this viewer sees lies in; empty for the ministry. */
    public Optional<String> prefectureCode() {
        return role == Role.MINISTRY ? Optional.empty() : Optional.of(code.substring(0, 2));
    }

    /**
     * The prefecture filter to apply for a requested one: the request itself for the ministry; for every other role
     * its own prefecture, and DASH-SCOPE-001 (403) when another one is asked for.
     */
    public Optional<String> narrow(Optional<String> requested) {
        if (role == Role.MINISTRY) {
            return requested;
        }
        String own = prefectureCode().orElseThrow();
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw DashboardException.outOfScope(requested.get(), this);
        }
        return Optional.of(own);
    }

    /**
     * The equality conditions (column → value) that restrict a query of {@code mart} to this viewer, merged with the
     * conditions the request asked for. A requested value on a scope column that differs from the viewer's own is
     * DASH-SCOPE-001 (403); a mart that cannot be narrowed to this role (an office asking for a per-municipality
     * mart) is DASH-SCOPE-003 (403). National aggregates need no condition.
     */
    public Map<String, String> conditions(Mart mart, Map<String, String> requested) {
        Map<String, String> conditions = new LinkedHashMap<>(requested);
        ScopeColumns scope = mart.scope();
        if (role == Role.MINISTRY || scope.isNationalAggregate()) {
            return conditions;
        }
        pin(conditions, scope.prefecture().orElseThrow(), prefectureCode().orElseThrow());
        switch (role) {
            case MUNICIPALITY -> pin(conditions, scope.municipality()
                    .orElseThrow(() -> DashboardException.martClosedToRole(mart.folder(), this)), code);
            case OFFICE -> pin(conditions, scope.office()
                    .orElseThrow(() -> DashboardException.martClosedToRole(mart.folder(), this)), code);
            default -> { }
        }
        return conditions;
    }

    /** Whether this viewer may read any row of the mart (a page leaves out the sections it may not). */
    public boolean canRead(Mart mart) {
        ScopeColumns scope = mart.scope();
        return switch (role) {
            case MINISTRY -> true;
            case PREFECTURE -> true;
            case MUNICIPALITY -> scope.isNationalAggregate() || scope.municipality().isPresent();
            case OFFICE -> scope.isNationalAggregate() || scope.office().isPresent();
        };
    }

    private void pin(Map<String, String> conditions, String column, String own) {
        String requested = conditions.get(column);
        if (requested != null && !requested.equals(own)) {
            throw DashboardException.outOfScope(requested, this);
        }
        conditions.put(column, own);
    }

    /** True for roles that see every prefecture (templates offer "全国" only to them). */
    public boolean seesAllPrefectures() {
        return role == Role.MINISTRY;
    }

    /** As written in the users file, e.g. {@code prefecture:31}. */
    @Override
    public String toString() {
        return role == Role.MINISTRY ? role.prefix : role.prefix + ":" + code;
    }
}
