package jp.renkei.dashboard.municipality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.MartRow;

/**
 * What the municipality page shows for one municipality, month and denominator scope: its adoption row and trend,
 * the same months for its prefecture and the nation (aggregates), the funnel in scope → applied → active → saving,
 * and its offices by service type.
 *
 * @param comparison month → [prefecture application rate, national application rate, prefecture active rate,
 *                   national active rate]; a rate is null where its denominator is 0
 * @param savingOffices offices of the municipality with net savings in the month (office_savings), null when that
 *                      mart is not published
 */
public record MunicipalityPage(String municipalityCode, String municipalityName, String prefectureCode,
        String prefectureName, String month, List<String> months, String scope, String martRun, MartRow adoption,
        List<MartRow> trend, Map<String, Double[]> comparison, Long savingOffices, List<MartRow> serviceTypes) {

    public List<String> monthsNewestFirst() {
        List<String> newestFirst = new ArrayList<>(months);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<MartRow> trendNewestFirst() {
        List<MartRow> newestFirst = new ArrayList<>(trend);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Double prefectureApplicationRate(String month) {
        return comparisonOf(month, 0);
    }

    public Double nationalApplicationRate(String month) {
        return comparisonOf(month, 1);
    }

    public Double prefectureActiveRate(String month) {
        return comparisonOf(month, 2);
    }

    public Double nationalActiveRate(String month) {
        return comparisonOf(month, 3);
    }

    private Double comparisonOf(String month, int index) {
        Double[] rates = comparison.get(month);
        return rates == null ? null : rates[index];
    }
}
