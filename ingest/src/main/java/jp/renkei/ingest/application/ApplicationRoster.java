package jp.renkei.ingest.application;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.standard.OfficeNumber;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes the license roster: UTF-8 (BOM optional), header {@link #HEADER}, dates YYYY-MM-DD. */
public final class ApplicationRoster {
    public static final List<String> HEADER = List.of("事業所番号", "サービス種類コード", "申請日", "利用開始日", "利用終了日", "プラン");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final LocalDate SYSTEM_START = LocalDate.of(2023, 4, 1);

    private ApplicationRoster() {
    }

    public static List<Application> read(String fileName, Reader reader) throws IOException, InputRejectedException {
        Findings findings = new Findings(fileName);
        List<Application> applications = new ArrayList<>();
        HeaderCheckedCsv.read(reader, "APP", HEADER, findings,
                (record, line) -> readLine(record, line, findings).ifPresent(applications::add));
        if (findings.hasErrors()) {
            throw new InputRejectedException(findings);
        }
        return applications;
    }

    private static Optional<Application> readLine(CSVRecord record, long line, Findings findings) {
        long errorsBefore = findings.errorCount();
        String office = record.get(0);
        if (!OfficeNumber.isValid(office)) {
            findings.error("APP-OFFICE-001", line, 1, HEADER.get(0), "「" + office + "」は事業所番号(10桁)ではありません",
                    "'" + office + "' is not a 10-digit office number starting with a prefecture code");
        }
        String serviceType = record.get(1);
        if (!serviceType.matches("[0-9A-Z]{2}")) {
            findings.error("APP-TYPE-001", line, 2, HEADER.get(1), "「" + serviceType + "」はサービス種類コード(2文字)ではありません",
                    "'" + serviceType + "' is not a 2-character service type code");
        }
        LocalDate appliedOn = date(record, 2, line, true, findings);
        LocalDate licenseStart = date(record, 3, line, true, findings);
        LocalDate licenseEnd = date(record, 4, line, false, findings);
        Optional<Application.Plan> plan = Application.Plan.fromLabel(record.get(5));
        if (plan.isEmpty()) {
            findings.error("APP-PLAN-001", line, 6, HEADER.get(5), "プランは「有償」か「フリーパス」です",
                    "plan must be 有償 or フリーパス; found '" + record.get(5) + "'");
        }
        if (appliedOn != null && appliedOn.isBefore(SYSTEM_START)) {
            findings.error("APP-DATE-002", line, 3, HEADER.get(2), "申請日がシステム稼働(2023-04-01)より前です",
                    "applied before the system started on 2023-04-01");
        }
        if (appliedOn != null && licenseStart != null && licenseStart.isBefore(appliedOn)) {
            findings.error("APP-DATE-003", line, 4, HEADER.get(3), "利用開始日が申請日より前です",
                    "the license starts before it was applied for");
        }
        if (licenseStart != null && licenseEnd != null && licenseEnd.isBefore(licenseStart)) {
            findings.error("APP-DATE-004", line, 5, HEADER.get(4), "利用終了日が利用開始日より前です",
                    "the license ends before it starts");
        }
        if (findings.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Application(office, serviceType, appliedOn, licenseStart, licenseEnd, plan.get()));
    }

    private static LocalDate date(CSVRecord record, int index, long line, boolean required, Findings findings) {
        String value = record.get(index);
        if (value.isEmpty()) {
            if (required) {
                findings.error("APP-REQ-001", line, index + 1, HEADER.get(index), "必須項目が空です", "required field is empty");
            }
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException notADate) {
            findings.error("APP-DATE-001", line, index + 1, HEADER.get(index),
                    "「" + value + "」は存在する日付(YYYY-MM-DD)ではありません", "'" + value + "' is not a real date in YYYY-MM-DD");
            return null;
        }
    }

    public static void write(Writer writer, List<Application> applications) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(HEADER);
        for (Application application : applications) {
            printer.printRecord(application.officeNumber(), application.serviceType(), application.appliedOn().format(DATE),
                    application.licenseStart().format(DATE),
                    application.licenseEnd() == null ? "" : application.licenseEnd().format(DATE), application.plan().label());
        }
        printer.flush();
    }
}
