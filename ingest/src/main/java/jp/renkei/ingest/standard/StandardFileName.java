package jp.renkei.ingest.standard;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name of the standard. V4: {@code UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV};
 * V3 has no service-type codes. The timestamp is the send unit's ファイル連番.
 *
 * @param targetMonth empty for {@code 000000} (files tied to a care plan rather than a month)
 * @param senderServiceType empty in V3 names
 */
public record StandardFileName(
        FileKind kind,
        Optional<YearMonth> targetMonth,
        String senderOffice,
        String senderServiceType,
        String recipientOffice,
        String recipientServiceType,
        LocalDateTime sentAt,
        boolean version4) {

    private static final Pattern VERSION_4 = Pattern.compile(
            "([A-Z0-9]+)_(\\d{6})_(\\d{10})_([0-9A-Z]{2})_(\\d{10})_([0-9A-Z]{2})_(\\d{14})\\.(?i:csv)");
    private static final Pattern VERSION_3 = Pattern.compile(
            "([A-Z0-9]+)_(\\d{6})_(\\d{10})_(\\d{10})_(\\d{14})\\.(?i:csv)");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAXIMUM_LENGTH = 120;

    /** Parses a name, or explains in the exception which part is wrong (code {@code STD-NAME-xxx}). */
    public static StandardFileName parse(String name) throws InvalidFileNameException {
        if (name == null || name.isEmpty() || name.length() > MAXIMUM_LENGTH) {
            throw new InvalidFileNameException("STD-NAME-001", String.valueOf(name),
                    "ファイル名が空か長すぎます（" + MAXIMUM_LENGTH + "文字まで）",
                    "the file name is empty or longer than " + MAXIMUM_LENGTH + " characters");
        }
        Matcher version4 = VERSION_4.matcher(name);
        if (version4.matches()) {
            return build(name, version4.group(1), version4.group(2), version4.group(3), version4.group(4),
                    version4.group(5), version4.group(6), version4.group(7), true);
        }
        Matcher version3 = VERSION_3.matcher(name);
        if (version3.matches()) {
            return build(name, version3.group(1), version3.group(2), version3.group(3), "", version3.group(4), "",
                    version3.group(5), false);
        }
        throw new InvalidFileNameException("STD-NAME-002", name,
                "ファイル名が標準仕様の形式ではありません。例: UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV",
                "the name does not follow the standard's pattern, e.g. "
                        + "UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV (V4) or "
                        + "UPPLAN_202610_3110000011_3110000029_20261105093000.CSV (V3)");
    }

    private static StandardFileName build(String name, String prefix, String month, String sender, String senderType,
            String recipient, String recipientType, String timestamp, boolean version4) throws InvalidFileNameException {
        FileKind kind = FileKind.fromPrefix(prefix).orElseThrow(() -> new InvalidFileNameException("STD-NAME-003", name,
                "ファイル種別「" + prefix + "」は標準仕様にありません",
                "unknown file kind '" + prefix + "'; expected one of UPPLAN, UPJSK, UPSIKYU, UP1KYO, …"));
        Optional<YearMonth> targetMonth;
        try {
            targetMonth = "000000".equals(month) ? Optional.empty() : Optional.of(YearMonth.parse(month, MONTH));
        } catch (DateTimeParseException badMonth) {
            throw new InvalidFileNameException("STD-NAME-004", name, "対象年月「" + month + "」が存在しない年月です",
                    "target month '" + month + "' is not a real month (YYYYMM)");
        }
        if (targetMonth.isEmpty() && kind != FileKind.UPHOSOKU && kind != FileKind.UP1KYO && kind != FileKind.UP2KYO
                && kind != FileKind.UP3KYO && kind != FileKind.DLT1KYO) {
            throw new InvalidFileNameException("STD-NAME-004", name, kind + " には対象年月が必要です（000000 は不可）",
                    kind + " needs a target month; 000000 is only for care-plan files");
        }
        LocalDateTime sentAt;
        try {
            sentAt = LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException badTimestamp) {
            throw new InvalidFileNameException("STD-NAME-005", name, "送信日時「" + timestamp + "」が存在しない日時です",
                    "timestamp '" + timestamp + "' is not a real date and time (YYYYMMDDHHMMSS)");
        }
        OfficeNumber.requireValid(sender, name, "送信元事業所番号", "sender office number");
        OfficeNumber.requireValid(recipient, name, "送信先事業所番号", "recipient office number");
        return new StandardFileName(kind, targetMonth, sender, senderType, recipient, recipientType, sentAt, version4);
    }

    /** The V4 name of this file. */
    public String format() {
        String month = targetMonth.map(value -> value.format(MONTH)).orElse("000000");
        String timestamp = sentAt.format(TIMESTAMP);
        if (version4) {
            return String.join("_", kind.name(), month, senderOffice, senderServiceType, recipientOffice,
                    recipientServiceType, timestamp) + ".CSV";
        }
        return String.join("_", kind.name(), month, senderOffice, recipientOffice, timestamp) + ".CSV";
    }
}
