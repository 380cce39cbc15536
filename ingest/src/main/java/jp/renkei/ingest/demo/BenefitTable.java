package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardValues;

/**
 * 第7表 (UPSIKYU, V4: 37 fields) rows for one person's month: a line per office × service code, an
 * {@code <type>AAAA} subtotal where a type has several lines, and the {@code 999999} grand total on office
 * {@code 9999999999}. Money follows 10 yen per unit and a 90% benefit rate (placeholders [I]).
 */
final class BenefitTable {
    private static final String GRAND_TOTAL_OFFICE = "9999999999";
    private static final String GRAND_TOTAL_CODE = "999999";
    private static final int YEN_PER_UNIT = 10;
    private static final int BENEFIT_PERCENT = 90;

    private BenefitTable() {
    }

    static List<List<String>> rows(String insurer, String insured, YearMonth month, LocalDate createdOn, String careManager,
            List<ScheduleRecord> lines) {
        Map<String, int[]> unitsAndCounts = new LinkedHashMap<>();
        Map<String, String> officeNames = new LinkedHashMap<>();
        for (ScheduleRecord line : lines) {
            String key = line.serviceOfficeNumber() + "/" + line.serviceCode();
            int[] totals = unitsAndCounts.computeIfAbsent(key, ignored -> new int[] {line.units(), 0});
            totals[1] += line.serviceCount();
            officeNames.put(line.serviceOfficeNumber(), line.serviceOfficeName());
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> unitsByType = new LinkedHashMap<>();
        Map<String, Integer> linesByType = new LinkedHashMap<>();
        int grandTotal = 0;
        for (Map.Entry<String, int[]> entry : unitsAndCounts.entrySet()) {
            String office = entry.getKey().substring(0, 10);
            String code = entry.getKey().substring(11);
            int units = entry.getValue()[0] * entry.getValue()[1];
            rows.add(row(insurer, insured, month, createdOn, officeNames.get(office), office, code, entry.getValue()[0],
                    entry.getValue()[1], units, careManager));
            unitsByType.merge(code.substring(0, 2), units, Integer::sum);
            linesByType.merge(code.substring(0, 2), 1, Integer::sum);
            grandTotal += units;
        }
        for (Map.Entry<String, Integer> type : unitsByType.entrySet()) {
            if (linesByType.get(type.getKey()) > 1) {
                rows.add(row(insurer, insured, month, createdOn, "", GRAND_TOTAL_OFFICE, type.getKey() + "AAAA", 0, 0,
                        type.getValue(), careManager));
            }
        }
        rows.add(row(insurer, insured, month, createdOn, "", GRAND_TOTAL_OFFICE, GRAND_TOTAL_CODE, 0, 0, grandTotal,
                careManager));
        return rows;
    }

    private static List<String> row(String insurer, String insured, YearMonth month, LocalDate createdOn, String officeName,
            String office, String code, int unitPrice, int count, int totalUnits, String careManager) {
        int cost = totalUnits * YEN_PER_UNIT;
        int claim = cost * BENEFIT_PERCENT / 100;
        String[] fields = new String[37];
        Arrays.fill(fields, "");
        fields[0] = CsvVersion.V4_1.value();
        fields[1] = insurer;
        fields[2] = insured;
        fields[3] = StandardValues.formatDate(createdOn);
        fields[4] = StandardValues.formatMonth(month);
        fields[5] = officeName;
        fields[6] = office;
        fields[8] = code;
        fields[12] = Integer.toString(unitPrice);
        fields[15] = count == 0 ? "" : Integer.toString(count);
        fields[16] = Integer.toString(totalUnits);
        fields[17] = Integer.toString(totalUnits);
        fields[21] = Integer.toString(totalUnits);
        fields[22] = "10.00";
        fields[23] = Integer.toString(cost);
        fields[24] = Integer.toString(BENEFIT_PERCENT);
        fields[25] = Integer.toString(claim);
        fields[27] = Integer.toString(cost - claim);
        fields[32] = "0";
        fields[33] = careManager;
        fields[35] = careManager;
        return List.of(fields);
    }
}
