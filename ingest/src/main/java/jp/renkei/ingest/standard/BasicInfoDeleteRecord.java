package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;

import java.time.LocalDate;

/**
 * 利用者基本情報 削除 (DLTKIHON, V4): deletes the 利用者基本情報 of that 相談日 (and, by inference, its 別表).
 * Components are the layout's fields in order (4 fields); see docs/standard-layouts.md.
 */
public record BasicInfoDeleteRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        LocalDate consultedOn) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.DLTKIHON,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("相談日", DATE).required());
}
