package jp.renkei.ingest.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.standard.OfficeNumber;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes effect reports (効果報告): UTF-8 (BOM optional), header {@link #HEADER}, one line per office and
 * month. Errors (EFF-*) reject the whole file; a month-on-month jump of more than {@value #JUMP_FACTOR}× in sheets,
 * input hours or paper cost is only a warning (EFF-JUMP-001).
 */
public final class EffectReportFile {
    public static final List<String> HEADER = List.of("事業所番号", "対象年月", "印刷枚数", "実績入力時間", "用紙・郵送費",
            "返戻件数", "時間外労働時間", "有給休暇取得率", "ケアマネジャー数", "利用者数");
    static final int JUMP_FACTOR = 5;

    /** A numeric column: decimals allowed or not, and the largest plausible monthly value of one office. */
    private record Measure(int index, int decimals, BigDecimal maximum) {
        String name() {
            return HEADER.get(index);
        }
    }

    private static final Measure SHEETS = new Measure(2, 0, BigDecimal.valueOf(200_000));
    private static final Measure INPUT_HOURS = new Measure(3, 2, BigDecimal.valueOf(2_000));
    private static final Measure PAPER_YEN = new Measure(4, 0, BigDecimal.valueOf(10_000_000));
    private static final Measure RETURNED = new Measure(5, 0, BigDecimal.valueOf(10_000));
    private static final Measure OVERTIME = new Measure(6, 2, BigDecimal.valueOf(10_000));
    private static final Measure LEAVE_RATE = new Measure(7, 2, BigDecimal.valueOf(100));
    private static final Measure FTE = new Measure(8, 2, BigDecimal.valueOf(500));
    private static final Measure USERS = new Measure(9, 0, BigDecimal.valueOf(20_000));

    private EffectReportFile() {
    }

    /** The valid reports and the warnings (EFF-JUMP-001) that did not stop them. */
    public record Result(List<EffectReport> reports, List<Finding> warnings) {
    }

    public static Result read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<EffectReport> reports = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        HeaderCheckedCsv.read(reader, "EFF", HEADER, findings, (record, line) -> {
            EffectReport report = readLine(record, line, findings);
            if (report == null) {
                return;
            }
            Long earlier = lines.putIfAbsent(key(report.officeNumber(), report.month()), line);
            if (earlier != null) {
                findings.error("EFF-DUP-001", line, 2, HEADER.get(1),
                        "事業所 " + report.officeNumber() + " の " + report.month() + " は" + earlier + "行目にもあります。1事業所1か月1行です",
                        "office " + report.officeNumber() + " already has a line for " + report.month() + " (line "
                                + earlier + "); one line per office and month");
            } else {
                reports.add(report);
            }
        });
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        checkJumps(reports, lines, findings);
        return new Result(reports, findings.list());
    }

    private static String key(String office, YearMonth month) {
        return office + "/" + month;
    }

    private static EffectReport readLine(CSVRecord record, long line, Findings findings) {
        long errorsBefore = findings.errorCount();
        String office = record.get(0);
        if (office.isEmpty()) {
            required(0, line, findings);
        } else if (!OfficeNumber.isValid(office)) {
            findings.error("EFF-OFFICE-001", line, 1, HEADER.get(0), "「" + office + "」は事業所番号(10桁、先頭2桁が都道府県コード)ではありません",
                    "'" + office + "' is not a 10-digit office number starting with a prefecture code");
        }
        YearMonth month = month(record.get(1), line, findings);
        BigDecimal sheets = measure(record, SHEETS, line, findings);
        BigDecimal inputHours = measure(record, INPUT_HOURS, line, findings);
        BigDecimal paperYen = measure(record, PAPER_YEN, line, findings);
        BigDecimal returned = measure(record, RETURNED, line, findings);
        BigDecimal overtime = measure(record, OVERTIME, line, findings);
        BigDecimal leaveRate = measure(record, LEAVE_RATE, line, findings);
        BigDecimal fte = measure(record, FTE, line, findings);
        BigDecimal users = measure(record, USERS, line, findings);
        if (record.get(USERS.index()).isEmpty()) {
            required(USERS.index(), line, findings);
        }
        if (findings.errorCount() > errorsBefore) {
            return null;
        }
        return new EffectReport(office, month, whole(sheets), inputHours, whole(paperYen), whole(returned), overtime,
                leaveRate, fte, users.longValueExact());
    }

    private static void required(int index, long line, Findings findings) {
        findings.error("EFF-REQ-001", line, index + 1, HEADER.get(index), "必須項目が空です", "required field is empty");
    }

    private static YearMonth month(String value, long line, Findings findings) {
        if (value.isEmpty()) {
            required(1, line, findings);
            return null;
        }
        if (value.matches("\\d{4}-\\d{2}")) {
            int number = Integer.parseInt(value.substring(5));
            if (number >= 1 && number <= 12) {
                return YearMonth.of(Integer.parseInt(value.substring(0, 4)), number);
            }
        }
        findings.error("EFF-MONTH-001", line, 2, HEADER.get(1), "「" + value + "」は存在する年月(YYYY-MM)ではありません",
                "'" + value + "' is not a real month in YYYY-MM");
        return null;
    }

    /** The value, or null when empty or in error (the findings say which). */
    private static BigDecimal measure(CSVRecord record, Measure measure, long line, Findings findings) {
        String value = record.get(measure.index());
        if (value.isEmpty()) {
            return null;
        }
        String pattern = measure.decimals() == 0 ? "-?\\d{1,12}" : "-?\\d{1,12}(\\.\\d{1," + measure.decimals() + "})?";
        if (!value.matches(pattern)) {
            String expected = measure.decimals() == 0 ? "整数" : "小数点以下" + measure.decimals() + "桁までの数";
            String expectedEn = measure.decimals() == 0 ? "a whole number" : "a number with at most " + measure.decimals() + " decimals";
            findings.error("EFF-NUMBER-001", line, measure.index() + 1, measure.name(),
                    "「" + value + "」は" + expected + "ではありません（桁区切りや単位は付けません）",
                    "'" + value + "' is not " + expectedEn + " (no thousands separators or units)");
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (number.signum() < 0) {
            findings.error("EFF-RANGE-001", line, measure.index() + 1, measure.name(), "「" + value + "」は負の値です。0以上を記入してください",
                    "'" + value + "' is negative; enter 0 or more");
            return null;
        }
        if (number.compareTo(measure.maximum()) > 0) {
            findings.error("EFF-RANGE-002", line, measure.index() + 1, measure.name(),
                    "「" + value + "」は1事業所1か月の値として大きすぎます(上限 " + measure.maximum().toPlainString() + ")。単位(円・時間・%)を確認してください",
                    "'" + value + "' is implausible for one office and month (at most " + measure.maximum().toPlainString()
                            + "); check the unit (yen, hours, percent)");
            return null;
        }
        return number;
    }

    private static Long whole(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }

    /** Warns where sheets, input hours or paper cost moved more than {@value #JUMP_FACTOR}× from the previous month. */
    private static void checkJumps(List<EffectReport> reports, Map<String, Long> lines, Findings findings) {
        Map<String, EffectReport> byKey = new HashMap<>();
        reports.forEach(report -> byKey.put(key(report.officeNumber(), report.month()), report));
        for (EffectReport report : reports) {
            EffectReport previous = byKey.get(key(report.officeNumber(), report.month().minusMonths(1)));
            if (previous == null) {
                continue;
            }
            long line = lines.get(key(report.officeNumber(), report.month()));
            jump(SHEETS, toDecimal(previous.sheetsPrinted()), toDecimal(report.sheetsPrinted()), line, findings);
            jump(INPUT_HOURS, previous.inputHours(), report.inputHours(), line, findings);
            jump(PAPER_YEN, toDecimal(previous.paperPostageYen()), toDecimal(report.paperPostageYen()), line, findings);
        }
    }

    private static void jump(Measure measure, BigDecimal before, BigDecimal now, long line, Findings findings) {
        if (before == null || now == null) {
            return;
        }
        BigDecimal factor = BigDecimal.valueOf(JUMP_FACTOR);
        BigDecimal floor = BigDecimal.TEN;
        boolean up = now.compareTo(floor) >= 0 && now.compareTo(before.max(BigDecimal.ONE).multiply(factor)) > 0;
        boolean down = before.compareTo(floor) >= 0 && before.compareTo(now.max(BigDecimal.ONE).multiply(factor)) > 0;
        if (up || down) {
            findings.warning("EFF-JUMP-001", line, measure.index() + 1, measure.name(),
                    "前月 " + before.toPlainString() + " から " + now.toPlainString() + " に" + JUMP_FACTOR + "倍以上変化しています。値と単位を確認してください",
                    "changed more than " + JUMP_FACTOR + "x from the previous month (" + before.toPlainString() + " → "
                            + now.toPlainString() + "); check the value and its unit");
        }
    }

    private static BigDecimal toDecimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    public static void write(Writer writer, List<EffectReport> reports) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, HeaderCheckedCsv.FORMAT);
        printer.printRecord(HEADER);
        for (EffectReport report : reports) {
            printer.printRecord(report.officeNumber(), report.month(), text(report.sheetsPrinted()), text(report.inputHours()),
                    text(report.paperPostageYen()), text(report.returnedClaims()), text(report.overtimeHours()),
                    text(report.paidLeaveRate()), text(report.careManagersFte()), report.users());
        }
        printer.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
