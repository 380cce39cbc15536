package jp.renkei.ingest.municipality;

import java.util.List;

/**
 * A municipality (市町村 or 特別区) with the codes of its wards when it is a 政令市.
 *
 * @param code the 6-digit 全国地方公共団体コード
 */
public record Municipality(String code, String prefectureCode, String prefectureName, String name, String kana,
        List<String> wardCodes) {

    public List<Object> toLandingRow() {
        return List.of(code, prefectureCode, prefectureName, name, kana);
    }
}
