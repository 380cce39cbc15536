package jp.renkei.ingest.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.LocalGovernmentCode;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes the 介護情報基盤 start months (the portal's 開始予定年月 per 市町村): UTF-8 (BOM optional), header
 * {@link #HEADER}, one line per municipality. A municipality absent from the file has not announced a start. Errors
 * (ROL-*) reject the whole file; a start before the amended law took effect ({@value #LAW_IN_FORCE}) is a warning,
 * since card checks cannot begin earlier and the date is more likely a typo.
 */
public final class CardRolloutFile {
    public static final List<String> HEADER = List.of("市町村コード", "開始年月");
    static final String LAW_IN_FORCE = "2026-04";
    private static final int CODE = 0;
    private static final int START = 1;

    /** One municipality's start month (the first month its insured persons can be checked by card). */
    public record Start(String municipalityCode, YearMonth startMonth) {
        /** The row of the {@code card_rollout} landing dataset. */
        public List<Object> toLandingRow() {
            return List.of(municipalityCode, startMonth);
        }
    }

    /** The valid starts and the warnings (ROL-MONTH-002) that did not stop them. */
    public record Result(List<Start> starts, List<Finding> warnings) {
    }

    private CardRolloutFile() {
    }

    public static Result read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<Start> starts = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        HeaderCheckedCsv.read(reader, "ROL", HEADER, findings, (record, line) -> {
            long errorsBefore = findings.errorCount();
            String code = record.get(CODE);
            if (!LocalGovernmentCode.isValid(code)) {
                error(findings, "ROL-CODE-001", line, CODE, "「" + code + "」は検査数字の合う全国地方公共団体コード(6桁)ではありません",
                        "'" + code + "' is not a 6-digit local government code with a valid check digit");
            }
            YearMonth start = ReportCsv.month(record.get(START));
            if (start == null) {
                error(findings, "ROL-MONTH-001", line, START, "「" + record.get(START) + "」は存在する年月(YYYY-MM)ではありません",
                        "'" + record.get(START) + "' is not a real month in YYYY-MM");
            } else if (start.isBefore(YearMonth.parse(LAW_IN_FORCE))) {
                findings.warning("ROL-MONTH-002", line, START + 1, HEADER.get(START),
                        HEADER.get(START) + ": " + start + " は改正法の施行(" + LAW_IN_FORCE + ")より前です。年月を確認してください",
                        HEADER.get(START) + ": " + start + " is before the amended law took effect (" + LAW_IN_FORCE
                                + "); check the month");
            }
            if (findings.errorCount() > errorsBefore) {
                return;
            }
            Long earlier = lines.putIfAbsent(code, line);
            if (earlier != null) {
                error(findings, "ROL-DUP-001", line, CODE, "市町村 " + code + " は" + earlier + "行目にもあります。1市町村1行にしてください",
                        "municipality " + code + " is already on line " + earlier + "; give each municipality one line");
                return;
            }
            starts.add(new Start(code, start));
        });
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return new Result(starts, findings.list());
    }

    private static void error(Findings findings, String code, long line, int index, String ja, String en) {
        findings.error(code, line, index + 1, HEADER.get(index), HEADER.get(index) + ": " + ja, HEADER.get(index) + ": " + en);
    }

    public static void write(Writer writer, List<Start> starts) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, HeaderCheckedCsv.FORMAT);
        printer.printRecord(HEADER);
        for (Start start : starts) {
            printer.printRecord(start.municipalityCode(), start.startMonth());
        }
        printer.flush();
    }
}
