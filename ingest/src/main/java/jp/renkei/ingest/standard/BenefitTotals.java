package jp.renkei.ingest.standard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.finding.Findings;

/**
 * 第7表 (UPSIKYU) subtotal and total rows. On detail lines 回数/日数 and 30日超区分 are required; subtotal and total
 * rows may leave them empty. Per person: a {@code 999999} grand-total row on office
 * {@code 9999999999} is required; a type with several detail lines needs a {@code <type>AAAA} subtotal; each
 * AAAA row's 給付管理単位数 is the sum of the detail lines of its type (of its office, unless the subtotal is on
 * ALL9), and the grand total's is the sum of all detail lines (an empty 給付管理単位数 counts as 0, as for services
 * outside the 区分支給限度). EEEE and ZZZZ subtotals are optional and not summed.
 */
final class BenefitTotals {
    static final String GRAND_TOTAL_CODE = "999999";
    private static final String UNITS = "給付管理単位数";

    private BenefitTotals() {
    }

    static boolean isGrandTotal(BenefitRecord row) {
        return GRAND_TOTAL_CODE.equals(row.serviceCode());
    }

    static boolean isSubtotal(BenefitRecord row) {
        String item = row.serviceCode().substring(2);
        return "AAAA".equals(item) || "EEEE".equals(item) || "ZZZZ".equals(item);
    }

    static boolean isDetail(BenefitRecord row) {
        return !isGrandTotal(row) && !isSubtotal(row);
    }

    /** Row-level rules: totals carry 単位数 0; the grand total is on ALL9; detail lines are on a real office. */
    static void checkRow(BenefitRecord row, FieldReader reader, CsvVersion version) {
        boolean all9 = FieldReader.ALL_NINE_OFFICE.equals(row.serviceOfficeNumber());
        if (!isDetail(row) && row.units() != 0) {
            reader.error(reader.indexOf("単位数"), "STD-TOTAL-006", "小計・合計行の単位数は0にしてください",
                    "subtotal and total rows carry 単位数 0");
        }
        if (isGrandTotal(row) && !all9) {
            reader.error(reader.indexOf("サービス事業所コード"), "STD-TOTAL-002",
                    "全合計(999999)の行のサービス事業所コードは9999999999にしてください",
                    "the grand-total row (999999) must be on office 9999999999");
        }
        if (isDetail(row) && all9) {
            reader.error(reader.indexOf("サービス事業所コード"), "STD-TOTAL-007",
                    "明細行のサービス事業所コードに9999999999は使えません。実際の事業所番号を入れてください",
                    "a detail line needs the real office number, not 9999999999");
        }
        if (isDetail(row) && row.count() == null) {
            reader.error(reader.indexOf("回数/日数"), "STD-REQ-001", "明細行の回数/日数が空です",
                    "a detail line needs its 回数/日数");
        }
        if (isDetail(row) && (row.over30Days() == null || row.over30Days().isEmpty())) {
            reader.error(reader.indexOf("30日超区分"), "STD-REQ-001", "明細行の30日超区分が空です（0 または 1）",
                    "a detail line needs its 30日超区分 (0 or 1)");
        }
    }

    /** File-level rules over the rows of each person, in file order. */
    static void check(List<ParsedLine<BenefitRecord>> rows, CsvVersion version, Findings findings) {
        int unitsColumn = BenefitRecord.LAYOUT.names(version).indexOf(UNITS) + 1;
        int codeColumn = BenefitRecord.LAYOUT.names(version).indexOf("サービスコード") + 1;
        Map<String, List<ParsedLine<BenefitRecord>>> byPerson = new LinkedHashMap<>();
        for (ParsedLine<BenefitRecord> row : rows) {
            byPerson.computeIfAbsent(row.record().insurerNumber() + "/" + row.record().insuredPersonNumber(),
                    ignored -> new ArrayList<>()).add(row);
        }
        for (List<ParsedLine<BenefitRecord>> person : byPerson.values()) {
            checkPerson(person, unitsColumn, codeColumn, findings);
        }
    }

    private static void checkPerson(List<ParsedLine<BenefitRecord>> rows, int unitsColumn, int codeColumn,
            Findings findings) {
        long firstLine = rows.get(0).line();
        Map<String, Integer> detailLinesByType = new LinkedHashMap<>();
        Map<String, Long> firstDetailLineByType = new LinkedHashMap<>();
        long allUnits = 0;
        boolean hasGrandTotal = false;
        for (ParsedLine<BenefitRecord> row : rows) {
            BenefitRecord record = row.record();
            String type = record.serviceCode().substring(0, 2);
            if (isDetail(record)) {
                detailLinesByType.merge(type, 1, Integer::sum);
                firstDetailLineByType.putIfAbsent(type, row.line());
                allUnits += units(record);
            }
        }
        for (ParsedLine<BenefitRecord> row : rows) {
            BenefitRecord record = row.record();
            if (isGrandTotal(record)) {
                hasGrandTotal = true;
                if (units(record) != allUnits) {
                    findings.error("STD-TOTAL-005", row.line(), unitsColumn, UNITS,
                            UNITS + ": 全合計 " + units(record) + " が明細の合計 " + allUnits + " と一致しません",
                            UNITS + ": the grand total " + units(record) + " differs from the sum of the detail lines, "
                                    + allUnits);
                }
            } else if (record.serviceCode().endsWith("AAAA")) {
                long expected = subtotal(rows, record);
                if (units(record) != expected) {
                    findings.error("STD-TOTAL-004", row.line(), unitsColumn, UNITS,
                            UNITS + ": 種類別小計 " + units(record) + " が種類 " + record.serviceCode().substring(0, 2)
                                    + " の明細の合計 " + expected + " と一致しません",
                            UNITS + ": the subtotal " + units(record) + " differs from the sum of the type's detail lines, "
                                    + expected);
                }
            }
        }
        if (!hasGrandTotal) {
            findings.error("STD-TOTAL-001", firstLine, codeColumn, "サービスコード",
                    firstLine + "行目から始まる利用者に全合計(999999)の行がありません。利用者ごとに全合計行を付けてください",
                    "the person whose rows start on line " + firstLine + " has no grand-total row (999999); "
                            + "each person needs one");
        }
        for (Map.Entry<String, Integer> type : detailLinesByType.entrySet()) {
            boolean hasSubtotal = rows.stream().anyMatch(row -> row.record().serviceCode().equals(type.getKey() + "AAAA"));
            if (type.getValue() > 1 && !hasSubtotal) {
                long line = firstDetailLineByType.get(type.getKey());
                findings.error("STD-TOTAL-003", line, codeColumn, "サービスコード",
                        "サービス種類 " + type.getKey() + " の明細が複数行あるのに区分支給対象小計(" + type.getKey()
                                + "AAAA)の行がありません",
                        "service type " + type.getKey() + " has several detail lines but no subtotal row ("
                                + type.getKey() + "AAAA)");
            }
        }
    }

    private static long subtotal(List<ParsedLine<BenefitRecord>> rows, BenefitRecord subtotal) {
        String type = subtotal.serviceCode().substring(0, 2);
        boolean anyOffice = FieldReader.ALL_NINE_OFFICE.equals(subtotal.serviceOfficeNumber());
        return rows.stream().map(ParsedLine::record)
                .filter(BenefitTotals::isDetail)
                .filter(row -> row.serviceCode().startsWith(type))
                .filter(row -> anyOffice || row.serviceOfficeNumber().equals(subtotal.serviceOfficeNumber()))
                .mapToLong(BenefitTotals::units)
                .sum();
    }

    private static long units(BenefitRecord row) {
        return row.benefitManagementUnits() == null ? 0 : row.benefitManagementUnits();
    }
}
