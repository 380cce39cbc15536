package jp.renkei.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An {@link ExportTable} as an Excel workbook (Apache POI): one sheet with the title, the "about" lines, then the table
 * with a bold header, frozen below it. Numbers are numeric cells (fractions formatted as 12.3%, counts as 1,234);
 * text is a string cell with Excel's quote prefix, so nothing typed in a name can become a formula, even after editing.
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(ExportTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("データ");
            int rowIndex = 0;
            text(sheet.createRow(rowIndex++).createCell(0), table.title(), styles.title);
            for (ExportTable.About about : table.about()) {
                Row row = sheet.createRow(rowIndex++);
                text(row.createCell(0), about.label(), styles.label);
                text(row.createCell(1), about.value(), styles.text);
            }
            rowIndex++;
            Row header = sheet.createRow(rowIndex++);
            for (int column = 0; column < table.columns().size(); column++) {
                text(header.createCell(column), table.columns().get(column).label(), styles.header);
            }
            sheet.createFreezePane(0, rowIndex);
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(rowIndex++);
                for (int column = 0; column < values.size(); column++) {
                    write(row.createCell(column), values.get(column), table.columns().get(column).kind(), styles);
                }
            }
            for (int column = 0; column < table.columns().size(); column++) {
                sheet.setColumnWidth(column, 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void write(Cell cell, Object value, ExportTable.Kind kind, Styles styles) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            double figure = number.doubleValue();
            if (Double.isNaN(figure) || Double.isInfinite(figure)) {
                return;
            }
            cell.setCellValue(figure);
            cell.setCellStyle(switch (kind) {
                case FRACTION -> styles.percent;
                case WHOLE -> styles.whole;
                case DECIMAL -> styles.decimal;
                case TEXT -> styles.text;
            });
            return;
        }
        text(cell, value.toString(), styles.text);
    }

    private static void text(Cell cell, String value, CellStyle style) {
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle label;
        final CellStyle header;
        final CellStyle text;
        final CellStyle percent;
        final CellStyle whole;
        final CellStyle decimal;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = textStyle(workbook, bold);
            label = textStyle(workbook, bold);
            header = textStyle(workbook, bold);
            text = textStyle(workbook, null);
            percent = numberStyle(workbook, "0.0%");
            whole = numberStyle(workbook, "#,##0");
            decimal = numberStyle(workbook, "#,##0.0");
        }

        private static CellStyle textStyle(XSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setQuotePrefixed(true);
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }

        private static CellStyle numberStyle(XSSFWorkbook workbook, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }
    }
}
