package jp.renkei.ingest.standard;

import java.util.List;
import jp.renkei.ingest.finding.Findings;

/**
 * The content agrees with the name: each record's 対象年月 (or 削除対象年月) is the name's month, and the addressee
 * is where the standard puts it — an UPPLAN holds at least one line of the recipient office, an UPJSK or DLTJSK
 * holds only the sending office's lines.
 */
final class NameAgreement {
    private NameAgreement() {
    }

    static void checkMonth(StandardFileName name, Layout layout, CsvVersion version, StandardFile.RawRecord raw,
            Findings findings) {
        List<FieldSpec> specs = layout.fields(version);
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).matchesNameMonth()) {
                String expected = name.targetMonth().map(StandardValues::formatMonth).orElse("000000");
                String actual = raw.fields().get(i);
                if (!actual.equals(expected)) {
                    findings.error("STD-NAME-011", raw.line(), i + 1, specs.get(i).name(),
                            specs.get(i).name() + " " + actual + " がファイル名の対象年月 " + expected
                                    + " と異なります。1ファイルには1か月分だけを入れてください",
                            specs.get(i).name() + " " + actual + " differs from the file name's month " + expected
                                    + "; a file holds one month only");
                }
            }
        }
    }

    static void checkAddressee(StandardFileName name, List<ParsedLine<StandardRecord>> lines, CsvVersion version,
            Findings findings) {
        if (name.kind() == FileKind.UPPLAN && !lines.isEmpty()) {
            boolean recipientPresent = lines.stream()
                    .anyMatch(line -> ((ScheduleRecord) line.record()).serviceOfficeNumber().equals(name.recipientOffice()));
            if (!recipientPresent) {
                findings.error("STD-NAME-012", 0, 0, "サービス事業者コード",
                        "送信先の事業所 " + name.recipientOffice() + " の行が1行もありません。送信先を確認してください",
                        "no line is for the recipient office " + name.recipientOffice()
                                + "; a plan goes to an office that provides one of its services");
            }
        }
        if (name.kind() == FileKind.UPJSK || name.kind() == FileKind.DLTJSK) {
            for (ParsedLine<StandardRecord> line : lines) {
                String office = line.record() instanceof ScheduleRecord schedule ? schedule.serviceOfficeNumber()
                        : ((ActualsDeleteRecord) line.record()).serviceOfficeNumber();
                if (!office.equals(name.senderOffice())) {
                    int column = name.kind() == FileKind.UPJSK
                            ? ScheduleRecord.fieldNames(version).indexOf("サービス事業者コード") + 1 : 5;
                    findings.error("STD-NAME-013", line.line(), column, "サービス事業者コード",
                            "実績の行のサービス事業者コード " + office + " が送信元の事業所 " + name.senderOffice() + " と異なります",
                            "an actuals line is for office " + office + " but the sender is " + name.senderOffice()
                                    + "; an office sends only its own actuals");
                }
            }
        }
    }
}
