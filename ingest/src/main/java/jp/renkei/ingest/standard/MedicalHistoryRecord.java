package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 利用者基本情報 別表2 現病歴・既往歴 (UPKIHON_SUB2, V4): one illness.
 * Components are the layout's fields in order (11 fields); see docs/standard-layouts.md.
 */
public record MedicalHistoryRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate consultedOn,
        String date,
        String disease,
        String clinic,
        String doctorFlag,
        String clinicPhone,
        String progress,
        String treatment) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPKIHON_SUB2,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("相談日", DATE).required(),
            field("年月日", TEXT),
            field("病名", TEXT),
            field("医療機関・医師名", TEXT),
            code("主治医・意見作成者フラグ", CodeTable.DOCTOR_FLAG),
            field("医療機関・医師電話番号", TEXT).length(15),
            code("経過", CodeTable.PROGRESS),
            field("治療中の内容", TEXT));
}
