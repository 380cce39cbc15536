package jp.renkei.dashboard.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.dashboard.system.DashboardException;

/**
 * The role of the caller. Ministry analysts see every prefecture; a prefecture sees only its own (prefecture code,
 * 2 digits). Municipality and office roles of §8 are not offered yet: the pages here are prefecture-level or wider.
 */
public record Viewer(Role role, String prefectureCode) {

    public enum Role { MINISTRY, PREFECTURE }

    private static final Pattern PREFECTURE = Pattern.compile("prefecture:(\\d{2})");

    public Viewer {
        if ((role == Role.PREFECTURE) != (prefectureCode != null)) {
            throw new IllegalArgumentException("a prefecture code goes with the prefecture role only");
        }
    }

    public static Viewer ministry() {
        return new Viewer(Role.MINISTRY, null);
    }

    public static Viewer prefecture(String code) {
        return new Viewer(Role.PREFECTURE, code);
    }

    /** Parses {@code ministry} or {@code prefecture:NN} (NN in 01–47); empty when the text is neither. */
    public static Optional<Viewer> parse(String text) {
        if ("ministry".equals(text)) {
            return Optional.of(ministry());
        }
        Matcher m = PREFECTURE.matcher(text == null ? "" : text);
        if (m.matches() && isPrefectureCode(m.group(1))) {
            return Optional.of(prefecture(m.group(1)));
        }
        return Optional.empty();
    }

    static boolean isPrefectureCode(String code) {
        int n = Integer.parseInt(code);
        return n >= 1 && n <= 47;
    }

    /** The prefecture every query of this viewer is restricted to (in SQL); empty for the ministry. */
    public Optional<String> restriction() {
        return Optional.ofNullable(prefectureCode);
    }

    /**
     * The prefecture filter to apply for a requested one: the request itself for the ministry; for a prefecture
     * viewer its own prefecture, and DASH-SCOPE-001 (403) when another one is asked for.
     */
    public Optional<String> narrow(Optional<String> requested) {
        if (role == Role.MINISTRY) {
            return requested;
        }
        if (requested.isPresent() && !requested.get().equals(prefectureCode)) {
            throw DashboardException.outOfScope(requested.get(), prefectureCode);
        }
        return Optional.of(prefectureCode);
    }

    /** True for roles that see every prefecture (templates offer "全国" only to them). */
    public boolean seesAllPrefectures() {
        return role == Role.MINISTRY;
    }

    /** As sent in the header, e.g. {@code prefecture:31}. */
    @Override
    public String toString() {
        return role == Role.MINISTRY ? "ministry" : "prefecture:" + prefectureCode;
    }
}
