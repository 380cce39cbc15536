package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random files of any kind that the standard accepts: each field drawn from its layout format (free text
 * from a pool of CSV metacharacters, line breaks and every MS932 character class), then fixed up so the file
 * agrees with its name and, for 第7表, carries correct subtotal and total rows.
 */
final class RandomRecords {
    /** CSV metacharacters, line breaks, ASCII, kana (full and half width), kanji, 全角記号 and MS932 extensions. */
    static final List<String> TEXT_POOL = List.of(
            "a", "Z", "0", " ", ",", "\"", "\r\n", "\n", "あ", "カ", "ｶ", "ﾟ", "漢", "髙", "﨑", "～", "①", "㈱", "・", "ー",
            "（", "）", "、", "「", "」", "※", "〒", "Ⅱ", "№", "∵", "－", "＄");
    /** In-scope types other than 福祉用具貸与 (whose lines need an equipment code). */
    private static final List<String> TYPES = List.of("11", "12", "13", "14", "15", "16", "21", "31", "43", "73", "78", "A2");

    /** A generated file: its name and typed records. */
    record Generated(StandardFileName name, List<StandardRecord> records) {
        byte[] bytes() {
            return StandardFileWriter.toBytes(records.stream().map(StandardRecord::toFields).toList());
        }

        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            records.forEach(record -> rows.add(new ArrayList<>(record.toFields())));
            return rows;
        }
    }

    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    Generated file(FileKind kind) {
        CsvVersion version = kind.version4Only()
                ? (random.nextBoolean() ? CsvVersion.V4_1 : CsvVersion.V4_0)
                : CsvVersion.values()[random.nextInt(CsvVersion.values().length)];
        return file(kind, version);
    }

    Generated file(FileKind kind, CsvVersion version) {
        YearMonth month = YearMonth.of(2023 + random.nextInt(4), 1 + random.nextInt(12));
        Optional<YearMonth> nameMonth = switch (kind.nameMonth()) {
            case REQUIRED -> Optional.of(month);
            case MONTH_OR_ZERO -> random.nextBoolean() ? Optional.of(month) : Optional.empty();
            case NONE -> Optional.empty();
        };
        StandardFileName name = new StandardFileName(kind, nameMonth, office(), version.isVersion4() ? "43" : "",
                office(), version.isVersion4() ? "11" : "", LocalDateTime.of(2026, 10, 5, 9, 30), version.isVersion4());
        RecordCodec<?> codec = RecordCodecs.forKind(kind).orElseThrow();
        List<StandardRecord> records = new ArrayList<>();
        if (kind == FileKind.UPSIKYU) {
            int persons = 1 + random.nextInt(3);
            for (int i = 0; i < persons; i++) {
                records.addAll(benefitTable(codec, version, month));
            }
        } else {
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                Object[] values = values(codec.layout(), version);
                fixUp(kind, codec.layout(), values, name, month, i == 0);
                records.add(codec.construct(values));
            }
        }
        return new Generated(name, records);
    }

    private void fixUp(FileKind kind, Layout layout, Object[] values, StandardFileName name, YearMonth month,
            boolean first) {
        List<FieldSpec> specs = layout.fieldsVersion4();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).matchesNameMonth() && specs.get(i).type() == FieldType.MONTH) {
                values[i] = month;
            }
        }
        switch (kind) {
            case UPPLAN, UPJSK -> {
                set(layout, values, "対象年月", month);
                set(layout, values, "サービス利用日", month.atDay(1 + random.nextInt(month.lengthOfMonth())));
                set(layout, values, "サービス回数", random.nextInt(100));
                if (kind == FileKind.UPJSK) {
                    set(layout, values, "サービス事業者コード", name.senderOffice());
                } else if (first) {
                    set(layout, values, "サービス事業者コード", name.recipientOffice());
                }
            }
            case DLTJSK -> set(layout, values, "サービス事業者コード", name.senderOffice());
            case UPHOSOKU -> {
                set(layout, values, "居宅サービス計画作成(変更)日",
                        name.targetMonth().isPresent() ? "00000000" : StandardValues.formatDate(date()));
                set(layout, values, "対象年月", name.targetMonth().map(StandardValues::formatMonth).orElse("000000"));
            }
            default -> {
            }
        }
    }

    /** One person's 第7表: detail lines, an AAAA subtotal per type with several lines, and the grand total. */
    private List<StandardRecord> benefitTable(RecordCodec<?> codec, CsvVersion version, YearMonth month) {
        Layout layout = codec.layout();
        String insurer = digits(6);
        String insured = insured();
        List<StandardRecord> rows = new ArrayList<>();
        Map<String, int[]> byType = new LinkedHashMap<>();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            String type = TYPES.get(random.nextInt(4));
            Integer units = random.nextInt(4) == 0 ? null : random.nextInt(100_000);
            Object[] values = benefitRow(layout, version, month, insurer, insured, office(), type + digits(4));
            set(layout, values, "単位数", random.nextInt(10_000));
            set(layout, values, "回数/日数", random.nextInt(1000));
            set(layout, values, "給付管理単位数", units);
            rows.add(codec.construct(values));
            int[] totals = byType.computeIfAbsent(type, ignored -> new int[2]);
            totals[0]++;
            totals[1] += units == null ? 0 : units;
        }
        int all = 0;
        for (Map.Entry<String, int[]> type : byType.entrySet()) {
            all += type.getValue()[1];
            if (type.getValue()[0] > 1 || random.nextBoolean()) {
                rows.add(codec.construct(total(layout, version, month, insurer, insured, type.getKey() + "AAAA",
                        type.getValue()[1])));
            }
        }
        rows.add(codec.construct(total(layout, version, month, insurer, insured, BenefitTotals.GRAND_TOTAL_CODE, all)));
        return rows;
    }

    private Object[] total(Layout layout, CsvVersion version, YearMonth month, String insurer, String insured,
            String code, int units) {
        Object[] values = benefitRow(layout, version, month, insurer, insured, FieldReader.ALL_NINE_OFFICE, code);
        set(layout, values, "単位数", 0);
        set(layout, values, "回数/日数", null);
        set(layout, values, "給付管理単位数", units);
        return values;
    }

    private Object[] benefitRow(Layout layout, CsvVersion version, YearMonth month, String insurer, String insured,
            String office, String code) {
        Object[] values = values(layout, version);
        set(layout, values, "保険者番号", insurer);
        set(layout, values, "被保険者番号", insured);
        set(layout, values, "対象年月", month);
        set(layout, values, "サービス事業所コード", office);
        set(layout, values, "サービスコード", code);
        return values;
    }

    /** Random valid values for every field, in V4 positions; V4-only fields empty in V3. */
    Object[] values(Layout layout, CsvVersion version) {
        List<FieldSpec> specs = layout.fieldsVersion4();
        Object[] values = new Object[specs.size()];
        for (int i = 0; i < values.length; i++) {
            FieldSpec spec = specs.get(i);
            // 30日超区分 is required by a row rule on 第7表 detail lines (BenefitTotals), not by the layout: fill it like
            // a mandatory field, which also keeps the seeded draws, and so the committed corpus, as they were.
            boolean alwaysFilled = spec.mandatory() || "30日超区分".equals(spec.name());
            boolean empty = !alwaysFilled && random.nextInt(4) == 0;
            if (spec.addedInVersion4() && !version.isVersion4()) {
                empty = true;
            }
            values[i] = empty ? (spec.type().javaType() == String.class ? "" : null) : value(spec, version);
        }
        return values;
    }

    private Object value(FieldSpec spec, CsvVersion version) {
        return switch (spec.type()) {
            case VERSION -> version;
            case TEXT -> {
                String text = text(spec.maxLength() == 0 ? 40 : spec.maxLength());
                yield spec.mandatory() && text.isEmpty() ? "x" : text;
            }
            case DIGITS -> digits(spec.maxLength());
            case NUMBER -> {
                int digits = spec.maxLength() == 0 ? 9 : Math.min(spec.maxLength(), 9);
                int bound = (int) Math.min(Integer.MAX_VALUE, Math.pow(10, digits));
                yield Math.max(spec.min(), random.nextInt(bound));
            }
            case DATE -> date();
            case DATE_OR_ZERO -> StandardValues.formatDate(date());
            case MONTH -> YearMonth.of(2023 + random.nextInt(4), 1 + random.nextInt(12));
            case MONTH_OR_ZERO -> "000000";
            case TIME -> random.nextInt(8) == 0 ? StandardValues.NO_TIME
                    : String.format("%02d%02d", random.nextInt(24), random.nextInt(60));
            case INSURER -> digits(6);
            case INSURED -> insured();
            case OFFICE, OFFICE_OR_ALL9 -> office();
            case SERVICE_CODE -> TYPES.get(random.nextInt(TYPES.size())) + digits(4);
            case SERVICE_TYPE -> TYPES.get(random.nextInt(TYPES.size()));
            case CODE -> spec.codes().codes().get(random.nextInt(spec.codes().codes().size()));
            case PRORATED -> ("1".repeat(random.nextInt(29)) + "0".repeat(31)).substring(0, 31);
            case DECIMAL -> String.format("%d.%02d", random.nextInt(100), random.nextInt(100));
            case POSTAL -> digits(3) + "-" + digits(4);
        };
    }

    static void set(Layout layout, Object[] values, String fieldName, Object value) {
        List<FieldSpec> specs = layout.fieldsVersion4();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(fieldName)) {
                values[i] = value;
                return;
            }
        }
        throw new IllegalArgumentException("no field " + fieldName + " in " + layout.kind());
    }

    /** At most {@code maximumLength} characters drawn from the pool; "\r\n" may leave it one short. */
    String text(int maximumLength) {
        int length = random.nextInt(maximumLength + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            String piece = TEXT_POOL.get(random.nextInt(TEXT_POOL.size()));
            if (text.length() + piece.length() <= length) {
                text.append(piece);
            }
        }
        return text.toString();
    }

    private LocalDate date() {
        return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000));
    }

    String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String insured() {
        return random.nextInt(10) == 0 ? "H" + digits(9) : digits(10);
    }

    String office() {
        return String.format("%02d", 1 + random.nextInt(47)) + digits(8);
    }
}
