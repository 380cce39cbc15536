package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: any valid set of 第6表 records survives write → MS932 bytes → read unchanged. */
class StandardFileRoundTripTest {
    /** Free-text material: CSV metacharacters, line breaks, kana (full and half width), kanji and MS932 extensions. */
    private static final List<String> TEXT_POOL = List.of(
            "a", "Z", "0", " ", ",", "\"", "\r\n", "\n", "あ", "カ", "ｶ", "ﾟ", "漢", "髙", "﨑", "～", "①", "㈱", "・", "ー", "（", "）");
    private static final CsvVersion[] VERSIONS = CsvVersion.values();
    /** In-scope service types other than 福祉用具貸与 (whose lines need an equipment code). */
    private static final List<String> SERVICE_TYPES = List.of("11", "12", "13", "14", "15", "16", "21", "31", "73", "78");

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 50).mapToObj(Long::valueOf);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomValidRecordsSurviveWriteAndRead(long seed) {
        Random random = new Random(seed);
        CsvVersion version = VERSIONS[random.nextInt(VERSIONS.length)];
        YearMonth month = YearMonth.of(2023 + random.nextInt(4), 1 + random.nextInt(12));
        FileKind kind = random.nextBoolean() ? FileKind.UPPLAN : FileKind.UPJSK;
        String sender = officeNumber(random);
        String recipient = officeNumber(random);
        List<ScheduleRecord> written = new ArrayList<>();
        int count = 1 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            // An UPPLAN holds at least one line of its recipient; an UPJSK only the sender's own lines.
            String office = kind == FileKind.UPJSK ? sender : i == 0 ? recipient : officeNumber(random);
            written.add(randomRecord(random, version, month, office));
        }
        String name = new StandardFileName(kind, Optional.of(month), sender, version.isVersion4() ? "43" : "", recipient,
                version.isVersion4() ? "11" : "", LocalDateTime.of(2026, 10, 5, 9, 30), version.isVersion4()).format();

        StandardFile file = new StandardFileReader().read(name,
                StandardFileWriter.toBytes(written.stream().map(ScheduleRecord::toFields).toList()));

        assertThat(file.findings().list()).as("findings for seed %d", seed).isEmpty();
        assertThat(file.csvVersion()).contains(version);
        assertThat(file.scheduleRecords()).containsExactlyElementsOf(written);
    }

    private static ScheduleRecord randomRecord(Random random, CsvVersion version, YearMonth month, String office) {
        boolean version4 = version.isVersion4();
        return new ScheduleRecord(
                version,
                digits(random, 6),
                random.nextInt(10) == 0 ? "H" + digits(random, 9) : digits(random, 10),
                LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1500)),
                month,
                random.nextBoolean() ? officeNumber(random) : "",
                text(random, 20),
                random.nextBoolean() ? random.nextInt(1_000_000) : null,
                random.nextBoolean() ? random.nextInt(100_000) : null,
                month.atDay(1 + random.nextInt(month.lengthOfMonth())),
                random.nextBoolean() ? prorated(random, month) : "",
                time(random),
                time(random),
                random.nextInt(100),
                SERVICE_TYPES.get(random.nextInt(SERVICE_TYPES.size())) + String.format("%04d", random.nextInt(10_000)),
                version4 ? text(random, 12) : "",
                version4 ? text(random, 12) : "",
                version4 ? text(random, 40) : "",
                text(random, 2),
                office,
                text(random, 40),
                text(random, 2),
                random.nextBoolean() ? "0" : "1",
                random.nextBoolean() ? officeNumber(random) : "",
                text(random, 30));
    }

    /** At most {@code maximumLength} characters drawn from the pool; "\r\n" may leave it one short. */
    private static String text(Random random, int maximumLength) {
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

    private static String digits(Random random, int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String officeNumber(Random random) {
        return String.format("%02d", 1 + random.nextInt(47)) + digits(random, 8);
    }

    private static String time(Random random) {
        return random.nextInt(8) == 0 ? StandardValues.NO_TIME
                : String.format("%02d%02d", random.nextInt(24), random.nextInt(60));
    }

    /** A 日割 bitmap whose days all lie in the month. */
    private static String prorated(Random random, YearMonth month) {
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            days.append(i < month.lengthOfMonth() && random.nextBoolean() ? '1' : '0');
        }
        return days.toString();
    }
}
