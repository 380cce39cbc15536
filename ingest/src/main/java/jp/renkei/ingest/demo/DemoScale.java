package jp.renkei.ingest.demo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How much of Japan the demo nation covers. Every municipality gets the same offices, persons and adoption at every
 * scale (its random draws are seeded by its own code), so a smaller scale is a true slice of the nation.
 */
public enum DemoScale {
    /** 鳥取・島根・岡山: 65 municipalities, 岡山市 with wards; the demo's default, a minute or two end to end. */
    SMALL(List.of("31", "32", "33")),
    /** 福岡県: two 政令市 with wards and many towns; a few minutes. */
    PREFECTURE(List.of("40")),
    /** All 47 prefectures and every municipality of the bundled master. */
    NATION(IntStream.rangeClosed(1, 47).mapToObj(code -> String.format("%02d", code)).toList());

    private final List<String> prefectureCodes;

    DemoScale(List<String> prefectureCodes) {
        this.prefectureCodes = prefectureCodes;
    }

    public List<String> prefectureCodes() {
        return prefectureCodes;
    }
}
