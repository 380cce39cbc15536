package jp.renkei.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.renkei.dashboard.export.ExportTable.About;
import jp.renkei.dashboard.export.ExportTable.Column;
import jp.renkei.dashboard.export.ExportTable.Kind;
import jp.renkei.dashboard.system.DashboardException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Formula injection, encodings and numbers in both export formats, on a table built by hand. */
class ExportFormatsTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)",
            "\t=1", "＝1+1");
    private static final ExportTable TABLE = new ExportTable("=title", List.of(new About("出典", "-source")),
            List.of(new Column("名前", Kind.TEXT), new Column("変化", Kind.FRACTION), new Column("件数", Kind.WHOLE),
                    new Column("円", Kind.DECIMAL)),
            HOSTILE.stream().map(name -> List.<Object>of(name, -0.0125, 3L, 12_500_000.0)).toList());

    @Test
    void noCsvCellStartsLikeAFormulaAndNegativeNumbersStayNumbers() {
        String csv = new String(CsvExport.write(TABLE, ExportCharset.UTF_8), StandardCharsets.UTF_8).substring(1);
        List<String> lines = Arrays.asList(csv.split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("'=title");
        assertThat(lines.get(1)).isEqualTo("出典,'-source");
        assertThat(lines.subList(4, lines.size())).containsExactly(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.0125,3,12500000",
                "'+1+1,-0.0125,3,12500000", "'-2+3,-0.0125,3,12500000", "'@SUM(A1),-0.0125,3,12500000",
                "'\t=1,-0.0125,3,12500000", "'＝1+1,-0.0125,3,12500000");
    }

    @Test
    void xlsxTextIsAQuotePrefixedStringAndNumbersAreNumeric() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxExport.write(TABLE)))) {
            int header = workbook.getSheetAt(0).getPaneInformation().getHorizontalSplitTopRow() - 1;
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = workbook.getSheetAt(0).getRow(header + 1 + i);
                Cell name = row.getCell(0);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                assertThat(name.getStringCellValue()).isEqualTo(HOSTILE.get(i));
                assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-0.0125);
                assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            }
        }
    }

    @Test
    void ms932RefusesACharacterItCannotHoldNamingIt() {
        ExportTable table = new ExportTable("𠮷野家", List.of(), List.of(new Column("a", Kind.TEXT)), List.of());

        assertThatThrownBy(() -> CsvExport.write(table, ExportCharset.MS932)).isInstanceOfSatisfying(
                DashboardException.class, e -> {
                    assertThat(e.code()).isEqualTo("DASH-EXPORT-001");
                    assertThat(e.getMessage()).contains("𠮷", "utf-8");
                });
        assertThat(new String(CsvExport.write(new ExportTable("髙島屋①", List.of(), List.of(), List.of()),
                ExportCharset.MS932), java.nio.charset.Charset.forName("windows-31j"))).startsWith("髙島屋①");
    }
}
