package jp.renkei.ingest.demo;

import jp.renkei.ingest.municipality.Municipality;

/**
 * The size classes the municipality master lets us tell apart (it carries no population): 政令市 (a city with wards),
 * 特別区, other 市, 町 and 村. Each carries the mean number of residents aged 65 and over of its class, the figure
 * office counts scale with (docs/demo-nation.md, "Offices per municipality").
 */
enum MunicipalitySize {
    DESIGNATED_CITY("政令市", 356_000),
    SPECIAL_WARD("特別区", 92_000),
    CITY("市", 30_000),
    TOWN("町", 5_000),
    VILLAGE("村", 1_400);

    private final String label;
    private final double meanElderlyResidents;

    MunicipalitySize(String label, double meanElderlyResidents) {
        this.label = label;
        this.meanElderlyResidents = meanElderlyResidents;
    }

    String label() {
        return label;
    }

    double meanElderlyResidents() {
        return meanElderlyResidents;
    }

    static MunicipalitySize of(Municipality municipality) {
        if (!municipality.wardCodes().isEmpty()) {
            return DESIGNATED_CITY;
        }
        String name = municipality.name();
        if (name.endsWith("区")) {
            return SPECIAL_WARD;
        }
        if (name.endsWith("市")) {
            return CITY;
        }
        return name.endsWith("村") ? VILLAGE : TOWN;
    }
}
