package jp.renkei.ingest.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.LocalGovernmentCode;
import jp.renkei.ingest.standard.OfficeNumber;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes model regions (モデル地域): UTF-8 (BOM optional), header {@link #HEADER}, one line per member with
 * the region's columns repeated. The repeated columns must agree, a budget is at most {@value #MAXIMUM_PER_MODEL}
 * yen per model and {@value #MAXIMUM_PER_PREFECTURE} yen per prefecture (ARCHITECTURE §1). Errors (MOD-*) reject
 * the whole file; an office whose number carries another prefecture's code is a warning.
 */
public final class ModelRegionFile {
    public static final List<String> HEADER = List.of("都道府県コード", "地域ID", "地域名", "予算額", "開始年月", "構成員種別", "構成員コード");
    static final long MAXIMUM_PER_MODEL = 8_500_000L;
    static final long MAXIMUM_PER_PREFECTURE = 60_000_000L;
    private static final int PREFECTURE = 0;
    private static final int REGION_ID = 1;
    private static final int NAME = 2;
    private static final int BUDGET = 3;
    private static final int START = 4;
    private static final int TYPE = 5;
    private static final int CODE = 6;

    /** The valid members and the warnings (MOD-MEMBER-004) that did not stop them. */
    public record Result(List<ModelRegionMember> members, List<Finding> warnings) {
    }

    private ModelRegionFile() {
    }

    public static Result read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<ModelRegionMember> members = new ArrayList<>();
        Map<String, ModelRegionMember> regions = new LinkedHashMap<>();
        Map<String, Long> regionLines = new HashMap<>();
        Map<String, Long> memberLines = new HashMap<>();
        HeaderCheckedCsv.read(reader, "MOD", HEADER, findings, (record, line) -> {
            ModelRegionMember member = readLine(record, line, findings);
            if (member == null) {
                return;
            }
            ModelRegionMember region = regions.putIfAbsent(member.regionId(), member);
            if (region == null) {
                regionLines.put(member.regionId(), line);
            } else if (!agrees(region, member, line, regionLines.get(member.regionId()), findings)) {
                return;
            }
            String memberKey = member.regionId() + "/" + member.memberType() + "/" + member.memberCode();
            Long earlier = memberLines.putIfAbsent(memberKey, line);
            if (earlier != null) {
                findings.error("MOD-DUP-001", line, CODE + 1, HEADER.get(CODE),
                        "構成員 " + member.memberCode() + " は" + earlier + "行目で同じ地域に登録済みです",
                        "member " + member.memberCode() + " is already in region " + member.regionId() + " (line " + earlier + ")");
                return;
            }
            members.add(member);
        });
        checkPrefectureBudgets(regions, regionLines, findings);
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return new Result(members, findings.list());
    }

    private static ModelRegionMember readLine(CSVRecord record, long line, Findings findings) {
        long errorsBefore = findings.errorCount();
        for (int index = 0; index < HEADER.size(); index++) {
            if (record.get(index).isEmpty()) {
                findings.error("MOD-REQ-001", line, index + 1, HEADER.get(index), "必須項目が空です", "required field is empty");
            }
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        String prefecture = record.get(PREFECTURE);
        if (!isPrefecture(prefecture)) {
            error(findings, "MOD-PREF-001", line, PREFECTURE, "「" + prefecture + "」は都道府県コード(01〜47)ではありません",
                    "'" + prefecture + "' is not a prefecture code 01–47");
        }
        String regionId = record.get(REGION_ID);
        if (!regionId.matches("[0-9A-Za-z_-]{1,32}")) {
            error(findings, "MOD-ID-001", line, REGION_ID, "地域IDは英数字・-・_ の32文字以内です",
                    "a region ID is 1–32 letters, digits, '-' or '_'; found '" + regionId + "'");
        }
        String name = record.get(NAME);
        if (name.length() > 100) {
            error(findings, "MOD-NAME-001", line, NAME, "地域名は100文字以内です", "the region name is longer than 100 characters");
        }
        long budget = budget(record.get(BUDGET), line, findings);
        YearMonth start = month(record.get(START), line, findings);
        Optional<ModelRegionMember.MemberType> type = ModelRegionMember.MemberType.fromLabel(record.get(TYPE));
        if (type.isEmpty()) {
            error(findings, "MOD-MEMBER-001", line, TYPE, "構成員種別は「事業所」か「市町村」です",
                    "member type must be 事業所 or 市町村; found '" + record.get(TYPE) + "'");
        }
        String code = record.get(CODE);
        if (type.isPresent()) {
            checkMember(type.get(), code, prefecture, line, findings);
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new ModelRegionMember(prefecture, regionId, name, budget, start, type.get(), code);
    }

    private static void checkMember(ModelRegionMember.MemberType type, String code, String prefecture, long line,
            Findings findings) {
        boolean valid = type == ModelRegionMember.MemberType.OFFICE ? OfficeNumber.isValid(code) : LocalGovernmentCode.isValid(code);
        if (!valid) {
            if (type == ModelRegionMember.MemberType.OFFICE) {
                error(findings, "MOD-MEMBER-002", line, CODE, "「" + code + "」は事業所番号(10桁、先頭2桁が都道府県コード)ではありません",
                        "'" + code + "' is not a 10-digit office number starting with a prefecture code");
            } else {
                error(findings, "MOD-MEMBER-003", line, CODE, "「" + code + "」は検査数字の合う全国地方公共団体コード(6桁)ではありません",
                        "'" + code + "' is not a 6-digit local government code with a valid check digit");
            }
            return;
        }
        if (isPrefecture(prefecture) && !code.startsWith(prefecture)) {
            if (type == ModelRegionMember.MemberType.MUNICIPALITY) {
                error(findings, "MOD-MEMBER-004", line, CODE, "市町村 " + code + " は都道府県 " + prefecture + " にありません",
                        "municipality " + code + " is not in prefecture " + prefecture);
            } else {
                findings.warning("MOD-MEMBER-004", line, CODE + 1, HEADER.get(CODE),
                        "事業所番号 " + code + " の都道府県コードが地域の都道府県 " + prefecture + " と異なります。番号を確認してください",
                        "office number " + code + " carries another prefecture's code than the region's " + prefecture
                                + "; check the number");
            }
        }
    }

    /** The repeated region columns must equal those of the region's first line. */
    private static boolean agrees(ModelRegionMember region, ModelRegionMember member, long line, long firstLine,
            Findings findings) {
        long errorsBefore = findings.errorCount();
        disagree(region.prefectureCode(), member.prefectureCode(), PREFECTURE, line, firstLine, findings);
        disagree(region.regionName(), member.regionName(), NAME, line, firstLine, findings);
        disagree(region.budgetYen(), member.budgetYen(), BUDGET, line, firstLine, findings);
        disagree(region.startMonth(), member.startMonth(), START, line, firstLine, findings);
        return findings.errorCount() == errorsBefore;
    }

    private static void disagree(Object first, Object now, int index, long line, long firstLine, Findings findings) {
        if (!first.equals(now)) {
            error(findings, "MOD-REGION-001", line, index,
                    "同じ地域IDの" + firstLine + "行目と値が違います（" + first + " と " + now + "）。地域の列は全行で同じにしてください",
                    "differs from line " + firstLine + " of the same region (" + first + " vs " + now
                            + "); repeat the region's columns unchanged on every member line");
        }
    }

    private static void checkPrefectureBudgets(Map<String, ModelRegionMember> regions, Map<String, Long> regionLines,
            Findings findings) {
        Map<String, Long> sums = new HashMap<>();
        for (ModelRegionMember region : regions.values()) {
            long sum = sums.merge(region.prefectureCode(), region.budgetYen(), Long::sum);
            if (sum > MAXIMUM_PER_PREFECTURE && sum - region.budgetYen() <= MAXIMUM_PER_PREFECTURE) {
                error(findings, "MOD-BUDGET-003", regionLines.get(region.regionId()), BUDGET,
                        "都道府県 " + region.prefectureCode() + " のモデル地域の予算合計が6,000万円を超えます（この地域までで " + sum + " 円）",
                        "the model regions of prefecture " + region.prefectureCode() + " exceed ¥60,000,000 in total ("
                                + sum + " yen up to this region)");
            }
        }
    }

    private static long budget(String value, long line, Findings findings) {
        if (!value.matches("\\d{1,12}")) {
            error(findings, "MOD-BUDGET-001", line, BUDGET, "「" + value + "」は円単位の0以上の整数ではありません（桁区切りは付けません）",
                    "'" + value + "' is not a whole number of yen (0 or more, no separators)");
            return 0;
        }
        long budget = Long.parseLong(value);
        if (budget > MAXIMUM_PER_MODEL) {
            error(findings, "MOD-BUDGET-002", line, BUDGET, "1モデルの予算は850万円までです（" + budget + " 円）",
                    "a model's budget is at most ¥8,500,000 (found " + budget + ")");
        }
        return budget;
    }

    private static YearMonth month(String value, long line, Findings findings) {
        YearMonth month = ReportCsv.month(value);
        if (month == null) {
            error(findings, "MOD-MONTH-001", line, START, "「" + value + "」は存在する年月(YYYY-MM)ではありません",
                    "'" + value + "' is not a real month in YYYY-MM");
        }
        return month;
    }

    private static boolean isPrefecture(String value) {
        if (!value.matches("\\d{2}")) {
            return false;
        }
        int code = Integer.parseInt(value);
        return code >= 1 && code <= 47;
    }

    private static void error(Findings findings, String code, long line, int index, String ja, String en) {
        findings.error(code, line, index + 1, HEADER.get(index), HEADER.get(index) + ": " + ja, HEADER.get(index) + ": " + en);
    }

    public static void write(Writer writer, List<ModelRegionMember> members) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, HeaderCheckedCsv.FORMAT);
        printer.printRecord(HEADER);
        for (ModelRegionMember member : members) {
            printer.printRecord(member.prefectureCode(), member.regionId(), member.regionName(), member.budgetYen(),
                    member.startMonth(), member.memberType().label(), member.memberCode());
        }
        printer.flush();
    }
}
