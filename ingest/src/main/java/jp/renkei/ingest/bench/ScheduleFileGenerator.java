package jp.renkei.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.CsvVersion;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.ScheduleRecord;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileWriter;

/**
 * Writes valid UPPLAN / UPJSK files (V4.1, MS932, CRLF) of realistic 第6表 lines until a total size is reached,
 * into {@code <root>/schedule-<bytes>-<seed>/}; a folder already completed for the same size and seed is reused.
 * Each file is one care manager ⇄ one service office for one month, 1–5 MB, with Japanese free text and the odd
 * quoted comma.
 */
final class ScheduleFileGenerator {
    private static final String COMPLETE_MARKER = "_COMPLETE";
    private static final int TARGET_FILE_BYTES = 2 * 1024 * 1024;
    private static final String[] MANAGERS = {"介護 支援子", "佐藤 恵美", "鈴木 一郎", "髙橋 ひろみ", "渡邉 健太", "山﨑 こずえ"};
    private static final String[] OFFICE_NAMES = {"あおばヘルパーステーション", "デイサービスさくら", "訪問看護ステーション・ひかり",
        "ケアセンター\"なごみ\"", "リハビリ倶楽部,湯梨浜", "ショートステイ～はまなす～"};
    private static final String[][] SERVICES = {
        {"11", "111211", "0900", "0945", "431"}, {"11", "112111", "1400", "1430", "244"},
        {"15", "151231", "0930", "1600", "753"}, {"13", "131111", "1000", "1030", "471"},
        {"16", "161121", "0930", "1530", "715"}, {"17", "171001", "9999", "9999", "800"},
        {"78", "785231", "0900", "1600", "760"}, {"21", "212111", "9999", "9999", "704"}};

    private ScheduleFileGenerator() {
    }

    /** The folder holding the files, generating them first unless a completed folder for this size and seed exists. */
    static Path ensure(Path root, long totalBytes, long seed) throws IOException {
        Path folder = root.resolve("schedule-" + totalBytes + "-" + seed);
        if (Files.exists(folder.resolve(COMPLETE_MARKER))) {
            return folder;
        }
        if (Files.exists(folder)) {
            try (Stream<Path> stale = Files.list(folder)) {
                for (Path file : stale.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        int fileNumber = 0;
        long started = System.nanoTime();
        while (written < totalBytes) {
            byte[] bytes = file(random, fileNumber, folder);
            written += bytes.length;
            fileNumber++;
            if (fileNumber % 64 == 0) {
                System.out.printf("  generated %,d MB in %d files%n", written >> 20, fileNumber);
            }
        }
        Files.writeString(folder.resolve(COMPLETE_MARKER), fileNumber + " files, " + written + " bytes\n",
                StandardCharsets.US_ASCII);
        System.out.printf("generated %,d bytes in %d files in %.1f s%n", written, fileNumber,
                (System.nanoTime() - started) / 1e9);
        return folder;
    }

    private static byte[] file(SplittableRandom random, int fileNumber, Path folder) throws IOException {
        boolean actuals = fileNumber % 2 == 1;
        String careManager = office(random, "43");
        String serviceOffice = office(random, "11");
        String otherOffice = office(random, "15");
        YearMonth month = YearMonth.of(2025, 1).plusMonths(random.nextInt(24));
        String[] service = SERVICES[random.nextInt(SERVICES.length)];
        String officeName = OFFICE_NAMES[random.nextInt(OFFICE_NAMES.length)];
        List<ScheduleRecord> lines = new ArrayList<>();
        long estimate = 0;
        while (estimate < TARGET_FILE_BYTES) {
            String insurer = String.format("%06d", 310000 + random.nextInt(9999));
            String person = String.format("%010d", random.nextLong(10_000_000_000L));
            String manager = MANAGERS[random.nextInt(MANAGERS.length)];
            LocalDate createdOn = month.minusMonths(1).atDay(20 + random.nextInt(8));
            int days = 4 + random.nextInt(20);
            for (int i = 0; i < days; i++) {
                boolean other = !actuals && random.nextInt(5) == 0;
                String[] lineService = other ? SERVICES[2] : service;
                LocalDate date = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                String prorated = random.nextInt(20) == 0 ? prorated(random, month) : "";
                lines.add(new ScheduleRecord(CsvVersion.V4_1, insurer, person, createdOn, month, careManager, manager,
                        Integer.parseInt(lineService[4]) + random.nextInt(50), null, date, prorated, lineService[2],
                        lineService[3], 1, lineService[1], "17".equals(lineService[0]) ? "00123-000045" : "", "", "", "", other ? otherOffice : serviceOffice,
                        other ? "デイサービスさくら" : officeName, "", "0", careManager, ""));
                estimate += 170;
            }
        }
        byte[] bytes = StandardFileWriter.write(lines);
        LocalDateTime sentAt = month.atDay(1).atTime(9, 0).plusSeconds(fileNumber);
        StandardFileName name = actuals
                ? new StandardFileName(FileKind.UPJSK, Optional.of(month), serviceOffice, "11", careManager, "43", sentAt, true)
                : new StandardFileName(FileKind.UPPLAN, Optional.of(month), careManager, "43", serviceOffice, "11", sentAt, true);
        Files.write(folder.resolve(name.format()), bytes);
        return bytes;
    }

    private static String office(SplittableRandom random, String salt) {
        return String.format("%02d%06d%s", 1 + random.nextInt(47), random.nextInt(1_000_000), salt);
    }

    private static String prorated(SplittableRandom random, YearMonth month) {
        StringBuilder days = new StringBuilder(31);
        for (int day = 1; day <= 31; day++) {
            days.append(day <= month.lengthOfMonth() && random.nextBoolean() ? '1' : '0');
        }
        return days.toString();
    }
}
