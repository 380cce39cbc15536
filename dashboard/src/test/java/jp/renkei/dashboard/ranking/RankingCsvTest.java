package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.renkei.dashboard.mart.MartFixture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class RankingCsvTest extends PublishedMartWebTest {

    @Test
    void isUtf8WithABomAndAJapaneseHeader() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> table = table(lines(bytes));
        assertThat(table.get(0)).isEqualTo("基準月,分母の範囲,順位（全国）,都道府県内順位,都道府県コード,都道府県,"
                + "市区町村コード,市区町村,対象事業所数,申請事業所数,申請率（比率: 0.1234 = 12.34%）,稼働事業所数,"
                + "稼働率（比率: 0.1234 = 12.34%）,規模区分,規模区分内順位,3か月変化（比率の差: 0.0123 = 1.23ポイント上昇）,"
                + "申請率の95%信頼区間の下限（比率: 0.1234 = 12.34%）,小規模補正順位（信頼下限順）");
    }

    @Test
    void saysAboveTheTableWhatTheFiguresAreAndWhereTheyComeFrom() throws Exception {
        List<String> lines = lines(mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange()
                .getResponse().getContentAsByteArray());

        assertThat(lines.get(0)).isEqualTo("市区町村別 ケアプランデータ連携 申請率ランキング");
        assertThat(lines).contains("基準月,2026年（令和8年）10月末時点（2026-10）", "表示地域,鳥取県", "絞り込み,なし", "並び順,rank asc")
                .anySatisfy(line -> assertThat(line).startsWith("分母の範囲,全対象サービス"))
                .anySatisfy(line -> assertThat(line).startsWith("定義,申請率 = ").contains("/definitions"))
                .anySatisfy(line -> assertThat(line).startsWith("出典,renkei マート municipal_adoption（run "
                        + MartFixture.RUN_ID + "）"))
                .anySatisfy(line -> assertThat(line).matches("作成日時,\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} JST"));
    }

    @Test
    void holdsThePagesRowsWithRatesAsFractions() throws Exception {
        List<String> rows = table(lines(mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange()
                .getResponse().getContentAsByteArray()));

        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("2026-10,all_in_scope,1,1,31,鳥取県,312029,米子市,80,80,1.0,50,0.625,L,");
        // 鳥取市 30 of 120: Wilson lower bound 0.181; 32 municipalities lie above it (テスト市06…35, 米子市, 日吉津村).
        assertThat(rows.get(3)).matches("2026-10,all_in_scope,35,3,31,鳥取県,312011,鳥取市,120,30,0.25,20,"
                + "0\\.16666666666666666,L,2,0\\.024999999999999994,0\\.18109711384\\d*,33");
        assertThat(rows.get(4)).isEqualTo("2026-10,all_in_scope,,,31,鳥取県,314021,日野町,0,0,,0,,NONE,,,,");
    }

    @Test
    void writesTheListFilterAndOnlyTheRowsItKeeps() throws Exception {
        List<String> lines = lines(mvc.get().uri("/ranking.csv?month=2026-10&size=L&min_offices=100").exchange()
                .getResponse().getContentAsByteArray());

        assertThat(lines).contains("絞り込み,規模区分 L（50〜199）、対象事業所 100 以上");
        List<String> rows = table(lines);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains(",鳥取市,");
    }

    @Test
    void ms932OnRequestWithoutAByteOrderMark() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31&charset=ms932").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).containsIgnoringCase("charset=windows-31j");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        String text = new String(bytes, Charset.forName("windows-31j"));
        assertThat(text).startsWith("市区町村別").contains("312029,米子市,80,80,1.0");
        assertThat(mvc.get().uri("/ranking.csv?month=2026-10&charset=sjis").exchange()).hasStatus(400);
    }

    @Test
    void theXlsxHoldsTheSameFiguresAsTheCsv() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking.xlsx?month=2026-10&prefecture=31").exchange();
        List<String> csvRows = table(lines(mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange()
                .getResponse().getContentAsByteArray()));

        assertThat(result).hasStatusOk().hasContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("市区町村別 ケアプランデータ連携 申請率ランキング");
            int header = sheet.getPaneInformation().getHorizontalSplitTopRow() - 1;
            assertThat(sheet.getRow(header).getCell(7).getStringCellValue()).isEqualTo("市区町村");
            for (int row = 1; row < csvRows.size(); row++) {
                String[] csv = csvRows.get(row).split(",", -1);
                Row xlsx = sheet.getRow(header + row);
                assertThat(xlsx.getCell(7).getStringCellValue()).isEqualTo(csv[7]);
                assertThat(xlsx.getCell(8).getNumericCellValue()).isEqualTo(Double.parseDouble(csv[8]));
                if (!csv[10].isEmpty()) {
                    assertThat(xlsx.getCell(10).getNumericCellValue()).isEqualTo(Double.parseDouble(csv[10]));
                    assertThat(xlsx.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                }
            }
        }
    }

    @Test
    void isAnAttachmentNamedWithTheMonthAsciiAndJapanese() {
        MvcTestResult result = mvc.get().uri("/ranking.csv?month=2026-09&scope=care_management_only").exchange();

        assertThat(result).hasHeader("Content-Disposition", "attachment; "
                + "filename=\"municipal_adoption_2026-09_care_management_only.csv\"; filename*=UTF-8''"
                + "%E7%94%B3%E8%AB%8B%E7%8E%87%E3%83%A9%E3%83%B3%E3%82%AD%E3%83%B3%E3%82%B0"
                + "_2026-09_care_management_only.csv");
    }

    /** The header row and the rows: what follows the empty line after the title and the "about" lines. */
    private static List<String> table(List<String> lines) {
        return lines.subList(lines.indexOf("") + 1, lines.size());
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }
}
