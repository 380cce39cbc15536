package jp.renkei.ingest.standard;

import java.util.Optional;

/**
 * A key between files of the standard: the parent table it names, the person and the parent's distinguishing
 * value — 1表 by 居宅サービス計画作成(変更)日, 6表 by 対象年月, 利用者基本情報 by 相談日, 介護予防計画 by
 * 計画作成(変更)日 (the two 予防 parents are our inference from the layouts' "紐づく" notes).
 *
 * @param value {@code YYYYMMDD} or {@code YYYYMM}; for 実績 also {@code /office/type}
 */
public record PlanKey(Table table, String insurerNumber, String insuredPersonNumber, String value) {

    /** The parent tables. */
    public enum Table { CARE_PLAN_1, SCHEDULE, ACTUALS, BASIC_INFO, PREVENTION_PLAN }

    /** The key a parent record offers to its children, if the record is a parent. */
    public static Optional<PlanKey> offeredBy(StandardRecord record) {
        if (record instanceof CarePlan1Record plan) {
            return Optional.of(key(Table.CARE_PLAN_1, plan, StandardValues.formatDate(plan.planChangedOn())));
        }
        if (record instanceof ScheduleRecord line) {
            return Optional.of(key(Table.SCHEDULE, line, StandardValues.formatMonth(line.targetMonth())));
        }
        if (record instanceof BasicInfoRecord basic) {
            return Optional.of(key(Table.BASIC_INFO, basic, StandardValues.formatDate(basic.consultedOn())));
        }
        if (record instanceof PreventionPlanRecord plan) {
            return Optional.of(key(Table.PREVENTION_PLAN, plan, StandardValues.formatDate(plan.planChangedOn())));
        }
        return Optional.empty();
    }

    /** The parent key a child record needs in its send unit, if the record is a child. */
    public static Optional<PlanKey> requiredBy(StandardRecord record) {
        if (record instanceof CarePlan2Record plan) {
            return Optional.of(key(Table.CARE_PLAN_1, plan, StandardValues.formatDate(plan.planChangedOn())));
        }
        if (record instanceof WeeklyPlanRecord plan) {
            return Optional.of(key(Table.CARE_PLAN_1, plan, StandardValues.formatDate(plan.planChangedOn())));
        }
        if (record instanceof SupplementRecord supplement) {
            return Optional.of(supplement.tiedToCarePlan()
                    ? key(Table.CARE_PLAN_1, supplement, supplement.planChangedOn())
                    : key(Table.SCHEDULE, supplement, supplement.targetMonth()));
        }
        if (record instanceof BenefitRecord row) {
            return Optional.of(key(Table.SCHEDULE, row, StandardValues.formatMonth(row.targetMonth())));
        }
        if (record instanceof DailyScheduleRecord slot) {
            return Optional.of(key(Table.BASIC_INFO, slot, StandardValues.formatDate(slot.consultedOn())));
        }
        if (record instanceof MedicalHistoryRecord illness) {
            return Optional.of(key(Table.BASIC_INFO, illness, StandardValues.formatDate(illness.consultedOn())));
        }
        if (record instanceof PreventionSupportRecord support) {
            return Optional.of(key(Table.PREVENTION_PLAN, support, StandardValues.formatDate(support.planChangedOn())));
        }
        return Optional.empty();
    }

    static PlanKey key(Table table, StandardRecord record, String value) {
        return new PlanKey(table, record.insurerNumber(), record.insuredPersonNumber(), value);
    }

    @Override
    public String toString() {
        // A key holds a person number: never let it reach a log or a finding by accident.
        return "PlanKey[" + table + ", " + value + "]";
    }
}
