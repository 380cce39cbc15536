package jp.renkei.ingest.officelist;

import java.util.List;

/**
 * An office line of service: 事業所番号 × サービス種類コード, located in a municipality (wards already rolled up).
 */
public record Office(String officeNumber, String serviceType, String name, String municipalityCode, String prefectureCode) {

    public List<Object> toLandingRow() {
        return List.of(officeNumber, serviceType, name, municipalityCode, prefectureCode);
    }
}
