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
 * V3 has no service-type codes. Kinds without a month in the layout (1/2/3表, 介護予防) have no month segment
 * ({@code UP1KYO_3110000011_43_3110000029_11_20261105093000.CSV}); a {@code _000000_} segment is accepted for
 * them. Prefixes may contain an underscore ({@code UPKIHON_SUB1}); {@code UPKIHON_IMAGE} is a {@code .jpg} with a
 * 4-digit 枝番 after the timestamp. The timestamp is the send unit's ファイル連番.
 *
 * @param targetMonth empty for {@code 000000} or no month segment (files tied to a care plan rather than a month)
 * @param senderServiceType empty in V3 names
 * @param imageBranch the 4-digit 枝番 of an UPKIHON_IMAGE name, else empty
 */
public record StandardFileName(
        FileKind kind,
        Optional<YearMonth> targetMonth,
        String senderOffice,
        String senderServiceType,
        String recipientOffice,
        String recipientServiceType,
        LocalDateTime sentAt,
        boolean version4,
        String imageBranch) {

    private static final String PREFIX = "([A-Z][A-Z0-9]*(?:_(?:SUB1|SUB2|SUB|IMAGE))?)_(?:(\\d{6})_)?";
    private static final String TAIL = "_(\\d{14})(?:_(\\d{4}))?\\.((?i:csv|jpg))";
    private static final Pattern VERSION_4 =
            Pattern.compile(PREFIX + "(\\d{10})_([0-9A-Z]{2})_(\\d{10})_([0-9A-Z]{2})" + TAIL);
    private static final Pattern VERSION_3 = Pattern.compile(PREFIX + "(\\d{10})_(\\d{10})" + TAIL);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAXIMUM_LENGTH = 120;

    public StandardFileName {
        imageBranch = imageBranch == null ? "" : imageBranch;
    }

    /** A CSV file's name (no image 枝番), as the relay and the demo build it. */
    public StandardFileName(FileKind kind, Optional<YearMonth> targetMonth, String senderOffice, String senderServiceType,
            String recipientOffice, String recipientServiceType, LocalDateTime sentAt, boolean version4) {
        this(kind, targetMonth, senderOffice, senderServiceType, recipientOffice, recipientServiceType, sentAt, version4,
                "");
    }

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
                    version4.group(5), version4.group(6), version4.group(7), version4.group(8), version4.group(9), true);
        }
        Matcher version3 = VERSION_3.matcher(name);
        if (version3.matches()) {
            return build(name, version3.group(1), version3.group(2), version3.group(3), "", version3.group(4), "",
                    version3.group(5), version3.group(6), version3.group(7), false);
        }
        throw new InvalidFileNameException("STD-NAME-002", name,
                "ファイル名が標準仕様の形式ではありません。例: UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV",
                "the name does not follow the standard's pattern, e.g. "
                        + "UPPLAN_202610_3110000011_43_3110000029_11_20261105093000.CSV (V4) or "
                        + "UPPLAN_202610_3110000011_3110000029_20261105093000.CSV (V3)");
    }

    private static StandardFileName build(String name, String prefix, String month, String sender, String senderType,
            String recipient, String recipientType, String timestamp, String branch, String extension,
            boolean version4) throws InvalidFileNameException {
        FileKind kind = FileKind.fromPrefix(prefix).orElseThrow(() -> new InvalidFileNameException("STD-NAME-003", name,
                "ファイル種別「" + prefix + "」は標準仕様にありません",
                "unknown file kind '" + prefix + "'; expected one of UPPLAN, UPJSK, UPSIKYU, UP1KYO, UPKIHON, …"));
        checkExtension(name, kind, branch, extension);
        Optional<YearMonth> targetMonth = month(name, kind, month);
        LocalDateTime sentAt;
        try {
            sentAt = LocalDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException badTimestamp) {
            throw new InvalidFileNameException("STD-NAME-005", name, "送信日時「" + timestamp + "」が存在しない日時です",
                    "timestamp '" + timestamp + "' is not a real date and time (YYYYMMDDHHMMSS)");
        }
        OfficeNumber.requireValid(sender, name, "送信元事業所番号", "sender office number");
        OfficeNumber.requireValid(recipient, name, "送信先事業所番号", "recipient office number");
        if (version4) {
            requireServiceType(name, senderType, "送信元", "sender");
            requireServiceType(name, recipientType, "送信先", "recipient");
        }
        return new StandardFileName(kind, targetMonth, sender, senderType, recipient, recipientType, sentAt, version4,
                branch == null ? "" : branch);
    }

    /** A name's サービス種類コード must be one the standard knows (in its scope or named out of it), not any 2 characters. */
    private static void requireServiceType(String name, String type, String sideJa, String sideEn)
            throws InvalidFileNameException {
        if (ServiceTypeScope.of(type) == ServiceTypeScope.Scope.UNKNOWN) {
            throw new InvalidFileNameException("STD-NAME-008", name,
                    sideJa + "サービス種類コード「" + type + "」は標準仕様のサービス種類コードではありません",
                    sideEn + " service type '" + type + "' is not a service type code of the standard (e.g. 43, 11, A5)");
        }
    }

    private static void checkExtension(String name, FileKind kind, String branch, String extension)
            throws InvalidFileNameException {
        boolean jpg = extension.equalsIgnoreCase("jpg");
        if (kind.isImage() != jpg || kind.isImage() != (branch != null)) {
            throw new InvalidFileNameException("STD-NAME-007", name,
                    kind.isImage() ? "家族構成の画像は _枝番(4桁).jpg で終わる名前にしてください"
                            : kind + " は .CSV で終わる名前にしてください（枝番は画像だけに付けます）",
                    kind.isImage() ? "an UPKIHON_IMAGE name ends with _<4-digit branch>.jpg"
                            : kind + " names end with .CSV (only the image has a branch number)");
        }
    }

    private static Optional<YearMonth> month(String name, FileKind kind, String month) throws InvalidFileNameException {
        if (month == null) {
            if (kind.nameMonth() != FileKind.NameMonth.NONE) {
                throw new InvalidFileNameException("STD-NAME-004", name, kind + " のファイル名には対象年月(YYYYMM)が必要です",
                        kind + " names carry a target month (YYYYMM) after the prefix");
            }
            return Optional.empty();
        }
        if ("000000".equals(month)) {
            if (kind.nameMonth() == FileKind.NameMonth.REQUIRED) {
                throw new InvalidFileNameException("STD-NAME-004", name, kind + " には対象年月が必要です（000000 は不可）",
                        kind + " needs a target month; 000000 is only for care-plan files");
            }
            return Optional.empty();
        }
        if (kind.nameMonth() == FileKind.NameMonth.NONE) {
            throw new InvalidFileNameException("STD-NAME-004", name,
                    kind + " のファイル名に対象年月は付けません（付ける場合は000000）",
                    kind + " names carry no target month (or 000000)");
        }
        try {
            return Optional.of(YearMonth.parse(month, MONTH));
        } catch (DateTimeParseException badMonth) {
            throw new InvalidFileNameException("STD-NAME-004", name, "対象年月「" + month + "」が存在しない年月です",
                    "target month '" + month + "' is not a real month (YYYYMM)");
        }
    }

    /** The name in the layout's form: no month segment for kinds without one, the 枝番 and .jpg for the image. */
    public String format() {
        StringBuilder name = new StringBuilder(kind.name()).append('_');
        if (kind.nameMonth() != FileKind.NameMonth.NONE) {
            name.append(targetMonth.map(value -> value.format(MONTH)).orElse("000000")).append('_');
        }
        name.append(senderOffice).append('_');
        if (version4) {
            name.append(senderServiceType).append('_');
        }
        name.append(recipientOffice).append('_');
        if (version4) {
            name.append(recipientServiceType).append('_');
        }
        name.append(sentAt.format(TIMESTAMP));
        if (kind.isImage()) {
            return name.append('_').append(imageBranch).append(".jpg").toString();
        }
        return name.append(".CSV").toString();
    }
}
