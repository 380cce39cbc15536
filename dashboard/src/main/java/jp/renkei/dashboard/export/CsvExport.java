package jp.renkei.dashboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An {@link ExportTable} as CSV for Excel: RFC 4180 with CRLF (commons-csv); first the title and the "about" lines
 * (label, value), an empty line, then the header row and the rows. Numbers in plain notation (0.1234, 12500000),
 * fractions as in the mart; text cells neutralised against formula injection ({@link SpreadsheetText}).
 */
public final class CsvExport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvExport() {
    }

    public static byte[] write(ExportTable table, ExportCharset charset) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            printer.printRecord(text(table.title()));
            for (ExportTable.About about : table.about()) {
                printer.printRecord(text(about.label()), text(about.value()));
            }
            printer.println();
            printer.printRecord(table.columns().stream().map(column -> text(column.label())).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(cell(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return charset.encode(csv.toString());
    }

    /** Null is an empty cell; doubles in their shortest exact form, never in E notation. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return number.isNaN() || number.isInfinite() ? "" : BigDecimal.valueOf(number).toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return text(value.toString());
    }

    private static String text(String value) {
        return SpreadsheetText.neutralized(value);
    }
}
