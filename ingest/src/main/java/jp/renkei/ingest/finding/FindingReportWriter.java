package jp.renkei.ingest.finding;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes findings as a CSV report (UTF-8 with BOM, so Excel opens the Japanese messages). */
public final class FindingReportWriter {
    private static final String[] HEADER = {"code", "severity", "file", "line", "column", "field", "message_ja", "message_en"};

    private FindingReportWriter() {
    }

    public static void write(Path report, Collection<Finding> findings) throws IOException {
        Files.createDirectories(report.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
            for (Finding finding : findings) {
                printer.printRecord(finding.code(), finding.severity(), finding.file(), finding.line(), finding.column(),
                        finding.field(), finding.messageJa(), finding.messageEn());
            }
            printer.flush();
        }
    }
}
