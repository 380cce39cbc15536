package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One broken field of an otherwise valid file gives one finding, at that field, with the rule's code. */
class FieldValidationTest {

    @ParameterizedTest(name = "{0} {1}=''{2}'' -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        UP1KYO      | 計画書区分                  | 13        | STD-CODE-002 | ERROR
        UP1KYO      | 計画書区分                  | 55        | STD-CODE-002 | ERROR
        UP1KYO      | 認定状況区分                | 3         | STD-CODE-003 | ERROR
        UP1KYO      | 要介護状態区分              | 11        | STD-CODE-004 | ERROR
        UP1KYO      | 要介護状態区分              | 26        | STD-CODE-004 | ERROR
        UP1KYO      | 生活援助中心型の算定理由    | 4         | STD-CODE-006 | ERROR
        UP1KYO      | 介護支援事業者コード        | 4812345678| STD-OFFICE-001 | ERROR
        UP1KYO      | 介護支援事業者コード        |           | STD-REQ-001  | ERROR
        UP1KYO      | 居宅サービス計画作成(変更)日 | 20250229  | STD-DATE-001 | ERROR
        UP1KYO      | 利用者郵便番号              | 1234567   | STD-FORMAT-008 | WARNING
        UP2KYO      | 保険対象区分                | y         | STD-CODE-005 | ERROR
        UP2KYO      | 課題NO                      | 0         | STD-RANGE-001 | ERROR
        UP2KYO      | 援助目標NO                  | 100       | STD-FORMAT-003 | ERROR
        UP3KYO      | 曜日                        | 8         | STD-CODE-008 | ERROR
        UP3KYO      | 終了時間                    | 2400      | STD-TIME-001 | ERROR
        UPHOSOKU    | 利用者性別                  | 0         | STD-CODE-007 | ERROR
        UPHOSOKU    | 利用者電話番号              | 0123456789012345 | STD-LENGTH-001 | ERROR
        UPPLAN      | サービス事業所名            | LONG_TEXT | STD-LENGTH-001 | ERROR
        UPHOSOKU    | 1サービス種類コード         | 33        | STD-SCOPE-001 | WARNING
        UPHOSOKU    | 1サービス種類コード         | 99        | STD-SCOPE-002 | WARNING
        UPHOSOKU    | 1サービス種類コード         | 1         | STD-FORMAT-006 | ERROR
        UPPLAN      | 30日超区分                  | 2         | STD-CODE-001 | ERROR
        UPPLAN      | 保険者番号                  | 12345     | STD-FORMAT-001 | ERROR
        UPPLAN      | サービスコード              | 511111    | STD-SCOPE-001 | WARNING
        UPPLAN      | サービスコード              | 11ab12    | STD-FORMAT-005 | ERROR
        UPPLAN      | 日割対象日                  | 111       | STD-FORMAT-004 | ERROR
        UPPLAN      | サービス開始時刻            | 1260      | STD-TIME-001 | ERROR
        UPSIKYU     | 単位数単価                  | 10.5      | STD-FORMAT-007 | ERROR
        UPSIKYU     | 30日超区分                  |           | STD-REQ-001  | ERROR
        DLTJSK      | サービス種類コード          | 1         | STD-FORMAT-006 | ERROR
        UPKIHON     | 相談方法                    | 4         | STD-CODE-011 | ERROR
        UPKIHON     | 障害高齢者の日常生活自立度  | 13        | STD-CODE-014 | ERROR
        UPKIHON     | 経済状況(生活保護)          | 2         | STD-CODE-018 | ERROR
        UPKIHON     | 相談日                      |           | STD-REQ-001  | ERROR
        UPKIHON_SUB2| 経過                        | 1         | STD-CODE-024 | ERROR
        UPYOBO      | 要支援状態区分              | 4         | STD-CODE-021 | ERROR
        UPYOBO      | 事業プログラムの要否(うつ予防) | 0      | STD-CODE-022 | ERROR
        UPYOBO_SUB  | 支援計画NO                  | 0         | STD-RANGE-001 | ERROR
        DLTYOBO     | 計画作成(変更)日            | 2026013   | STD-DATE-001 | ERROR
        """)
    void brokenFieldIsReportedAtItsColumn(FileKind kind, String field, String value, String code, Severity severity) {
        RandomRecords.Generated valid = new RandomRecords(42).file(kind, CsvVersion.V4_1);
        List<List<String>> rows = valid.rows();
        int column = RecordCodecs.forKind(kind).orElseThrow().layout().names(CsvVersion.V4_1).indexOf(field);
        // a field the layout gives no length still has a cap: an office name of 300,000 characters passed before
        rows.get(0).set(column, value == null ? "" : value.equals("LONG_TEXT") ? "介".repeat(300_000) : value);

        StandardFile file = new StandardFileReader().read(valid.name().format(), StandardFileWriter.toBytes(rows));

        assertThat(file.findings().list()).extracting(Finding::code, Finding::severity, Finding::column, Finding::field)
                .containsExactly(tuple(code, severity, column + 1, field));
        assertThat(file.findings().list().get(0).messageEn()).isNotBlank();
        assertThat(file.findings().list().get(0).messageJa()).isNotBlank();
    }

    /**
     * Findings go to logs, quarantine reports and back to the sending office: a person's birth date, postal code or
     * telephone number in a broken field is named by its field, never repeated. Other values still are, to help fix them.
     */
    @ParameterizedTest(name = "{0} {1}=''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
        UPHOSOKU    | 利用者生年月日              | 19450231  | true
        UP1KYO      | 利用者郵便番号              | 1234567   | true
        UPHOSOKU    | 利用者電話番号              | 0123456789012345 | true
        UPPLAN      | 保険者番号                  | 12345     | false
        """)
    void aFindingNeverRepeatsAPersonsDataButStillQuotesOtherValues(FileKind kind, String field, String value,
            boolean personal) {
        RandomRecords.Generated valid = new RandomRecords(42).file(kind, CsvVersion.V4_1);
        List<List<String>> rows = valid.rows();
        int column = RecordCodecs.forKind(kind).orElseThrow().layout().names(CsvVersion.V4_1).indexOf(field);
        assertThat(column).as("the layout has " + field).isNotNegative();
        rows.get(0).set(column, value);

        StandardFile file = new StandardFileReader().read(valid.name().format(), StandardFileWriter.toBytes(rows));

        Finding finding = file.findings().list().get(0);
        assertThat(finding.field()).isEqualTo(field);
        if (personal) {
            assertThat(finding.messageEn()).doesNotContain(value);
            assertThat(finding.messageJa()).doesNotContain(value);
        } else {
            assertThat(finding.messageEn()).contains(value);
        }
    }
}
