package jp.renkei.dashboard.ranking;

import java.util.Arrays;
import java.util.Optional;

/**
 * The whitelisted orders of the ranking ({@code sort=} and {@code dir=}). Only the constant SQL of a {@link Key}
 * ever reaches the ORDER BY; municipalities without in-scope offices always come last, ties by municipality code.
 */
record RankingSort(Key key, boolean ascending) {

    enum Key {
        RANK("rank", "national_rank", true),
        SIZE_CLASS_RANK("size_class_rank", "size_class_rank", true),
        WILSON_RANK("wilson_rank", "wilson_rank", true),
        RATE("rate", "application_rate", false),
        ACTIVE_RATE("active_rate", "active_rate", false),
        OFFICES("offices", "offices_in_scope", false),
        CHANGE("change", "rate_change_3m", false),
        /** By 都道府県コード (north to south), then by rank within it. */
        PREFECTURE("prefecture", "prefecture_code", true),
        /** By 全国地方公共団体コード, the order of official tables (the mart has no reading/kana to sort names by). */
        NAME("name", "municipality_code", true);

        private final String param;
        private final String column;
        private final boolean ascendingByDefault;

        Key(String param, String column, boolean ascendingByDefault) {
            this.param = param;
            this.column = column;
            this.ascendingByDefault = ascendingByDefault;
        }

        public String param() {
            return param;
        }

        static Optional<Key> fromParam(String param) {
            return Arrays.stream(values()).filter(k -> k.param.equals(param)).findFirst();
        }
    }

    static final RankingSort DEFAULT = new RankingSort(Key.RANK, true);
    static final String PARAMS = String.join(", ", Arrays.stream(Key.values()).map(Key::param).toList());

    static RankingSort byDefault(Key key) {
        return new RankingSort(key, key.ascendingByDefault);
    }

    public String dir() {
        return ascending ? "asc" : "desc";
    }

    /** The sort link of a column header: the same key flips the direction, another key starts at its default. */
    RankingSort toggle(Key other) {
        return other == key ? new RankingSort(key, !ascending) : byDefault(other);
    }

    /** For a column header link (from the template): the direction clicking {@code param} asks for. */
    public String linkDir(String param) {
        return toggle(Key.fromParam(param).orElseThrow()).dir();
    }

    /** For a column header (from the template): "▲"/"▼" on the current sort column, else empty. */
    public String arrow(String param) {
        return key.param.equals(param) ? (ascending ? "▲" : "▼") : "";
    }

    String orderBy() {
        String then = key == Key.PREFECTURE ? ", national_rank NULLS LAST" : "";
        return "ORDER BY (offices_in_scope = 0), " + key.column + (ascending ? " ASC" : " DESC")
                + " NULLS LAST" + then + ", municipality_code";
    }
}
