package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.FieldSpec.code;
import static jp.renkei.ingest.standard.FieldSpec.field;
import static jp.renkei.ingest.standard.FieldType.DATE;
import static jp.renkei.ingest.standard.FieldType.DATE_OR_ZERO;
import static jp.renkei.ingest.standard.FieldType.MONTH_OR_ZERO;
import static jp.renkei.ingest.standard.FieldType.NUMBER;
import static jp.renkei.ingest.standard.FieldType.OFFICE;
import static jp.renkei.ingest.standard.FieldType.POSTAL;
import static jp.renkei.ingest.standard.FieldType.SERVICE_TYPE;
import static jp.renkei.ingest.standard.FieldType.TEXT;

import java.time.LocalDate;

/**
 * 利用者補足情報 (UPHOSOKU). Tied to a 1表 ({@code planChangedOn} set, {@code targetMonth} 000000) or to a 6表 ({@code planChangedOn} 00000000, {@code targetMonth} set). Fields 20–55 are nine blocks of per-type limits.
 * Components are the layout's fields in order (63 fields); see docs/standard-layouts.md.
 */
public record SupplementRecord(
        CsvVersion csvVersion,
        String insurerNumber,
        String insuredPersonNumber,
        String planChangedOn,
        String nameKana,
        String name,
        String sex,
        LocalDate birthDate,
        String postalCode,
        String address1,
        String address2,
        String phone,
        LocalDate certifiedOn,
        LocalDate limitStartsOn,
        LocalDate limitEndsOn,
        String certificationStatus,
        LocalDate careLevelChangedOn,
        String careLevel,
        Integer benefitLimit,
        String limitServiceType1,
        Integer typeLimit1,
        Integer typeTotalUnits1,
        Integer typeExcessUnits1,
        String limitServiceType2,
        Integer typeLimit2,
        Integer typeTotalUnits2,
        Integer typeExcessUnits2,
        String limitServiceType3,
        Integer typeLimit3,
        Integer typeTotalUnits3,
        Integer typeExcessUnits3,
        String limitServiceType4,
        Integer typeLimit4,
        Integer typeTotalUnits4,
        Integer typeExcessUnits4,
        String limitServiceType5,
        Integer typeLimit5,
        Integer typeTotalUnits5,
        Integer typeExcessUnits5,
        String limitServiceType6,
        Integer typeLimit6,
        Integer typeTotalUnits6,
        Integer typeExcessUnits6,
        String limitServiceType7,
        Integer typeLimit7,
        Integer typeTotalUnits7,
        Integer typeExcessUnits7,
        String limitServiceType8,
        Integer typeLimit8,
        Integer typeTotalUnits8,
        Integer typeExcessUnits8,
        String limitServiceType9,
        Integer typeLimit9,
        Integer typeTotalUnits9,
        Integer typeExcessUnits9,
        Integer totalExcessUnits,
        Integer daysBeforeAdmissionMonth,
        Integer cumulativeAdmissionDays,
        String previousCareLevel,
        String consentOfficeNumber,
        String updaterOfficeNumber,
        String identifier,
        String targetMonth) implements StandardRecord {

    static final Layout LAYOUT = Layout.of(FileKind.UPHOSOKU,
            FieldSpec.version(),
            FieldSpec.insurer(),
            FieldSpec.insured(),
            field("居宅サービス計画作成(変更)日", DATE_OR_ZERO).required(),
            field("利用者氏名フリガナ", TEXT),
            field("利用者氏名", TEXT),
            code("利用者性別", CodeTable.SEX),
            field("利用者生年月日", DATE),
            field("利用者郵便番号", POSTAL),
            field("利用者住所1", TEXT),
            field("利用者住所2", TEXT),
            field("利用者電話番号", TEXT).length(15),
            field("認定日", DATE),
            field("限度額適用開始年月日", DATE),
            field("限度額適用終了年月日", DATE),
            code("認定状況区分", CodeTable.CERTIFICATION_STATUS),
            field("要介護状態変更日", DATE),
            code("要介護状態区分", CodeTable.CARE_LEVEL),
            field("区分支給限度基準額", NUMBER).length(7),
            field("1サービス種類コード", SERVICE_TYPE),
            field("1支給限度基準額", NUMBER).length(7),
            field("1合計単位数", NUMBER).length(7),
            field("1限度超単位数", NUMBER).length(7),
            field("2サービス種類コード", SERVICE_TYPE),
            field("2支給限度基準額", NUMBER).length(7),
            field("2合計単位数", NUMBER).length(7),
            field("2限度超単位数", NUMBER).length(7),
            field("3サービス種類コード", SERVICE_TYPE),
            field("3支給限度基準額", NUMBER).length(7),
            field("3合計単位数", NUMBER).length(7),
            field("3限度超単位数", NUMBER).length(7),
            field("4サービス種類コード", SERVICE_TYPE),
            field("4支給限度基準額", NUMBER).length(7),
            field("4合計単位数", NUMBER).length(7),
            field("4限度超単位数", NUMBER).length(7),
            field("5サービス種類コード", SERVICE_TYPE),
            field("5支給限度基準額", NUMBER).length(7),
            field("5合計単位数", NUMBER).length(7),
            field("5限度超単位数", NUMBER).length(7),
            field("6サービス種類コード", SERVICE_TYPE),
            field("6支給限度基準額", NUMBER).length(7),
            field("6合計単位数", NUMBER).length(7),
            field("6限度超単位数", NUMBER).length(7),
            field("7サービス種類コード", SERVICE_TYPE),
            field("7支給限度基準額", NUMBER).length(7),
            field("7合計単位数", NUMBER).length(7),
            field("7限度超単位数", NUMBER).length(7),
            field("8サービス種類コード", SERVICE_TYPE),
            field("8支給限度基準額", NUMBER).length(7),
            field("8合計単位数", NUMBER).length(7),
            field("8限度超単位数", NUMBER).length(7),
            field("9サービス種類コード", SERVICE_TYPE),
            field("9支給限度基準額", NUMBER).length(7),
            field("9合計単位数", NUMBER).length(7),
            field("9限度超単位数", NUMBER).length(7),
            field("合計限度超単位数", NUMBER).length(7),
            field("入所前月迄利用日数", NUMBER).length(5),
            field("入所累積利用日数", NUMBER).length(5),
            code("前回要介護状態区分", CodeTable.CARE_LEVEL),
            field("同意書受付業者", OFFICE),
            field("更新業者コード", OFFICE),
            field("識別子", TEXT),
            field("対象年月", MONTH_OR_ZERO).required().nameMonth());

    /** True when the record belongs to a 1表 (a 作成(変更)日 and 対象年月 000000) rather than a 6表. */
    public boolean tiedToCarePlan() {
        return !"00000000".equals(planChangedOn);
    }

    /** Exactly one of 作成(変更)日 and 対象年月 is set: the record belongs either to a 1表 or to a 6表. */
    static void checkTie(SupplementRecord record, FieldReader reader, CsvVersion version) {
        boolean zeroDate = "00000000".equals(record.planChangedOn());
        boolean zeroMonth = "000000".equals(record.targetMonth());
        if (zeroDate == zeroMonth) {
            reader.error(reader.indexOf("対象年月"), "STD-KEY-002",
                    "1表に紐づく場合は作成(変更)日を入れて対象年月を000000に、6表に紐づく場合は作成(変更)日を00000000にして対象年月を入れてください",
                    "tie the record to a 1表 (作成(変更)日 set, 対象年月 000000) or to a 6表 (作成(変更)日 00000000, "
                            + "対象年月 set), not both or neither");
        }
    }
}
