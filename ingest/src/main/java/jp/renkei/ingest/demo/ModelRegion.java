package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.municipality.Municipality;

/** A prefecture's model region (モデル地域) of the demo nation: its municipalities and, through them, its offices. */
record ModelRegion(String prefectureCode, String regionId, String name, long budgetYen, YearMonth startMonth,
        List<Municipality> municipalities) {

    ModelRegion {
        municipalities = List.copyOf(municipalities);
    }
}
