package jp.renkei.ingest.standard;

import java.util.List;

/**
 * What a delete record removes ([SPEC-V4.1] §2.6): DLT1KYO the 1表 and, by cascade, its 2表 and 3表; DLTPLAN the
 * 6表 予定 and its 7表; DLTJSK one office's 実績 of one service type. DLTKIHON and DLTYOBO remove the 予防 parent
 * and its 別表 (our inference: the layouts tie the 別表 to the parent but state no cascade). 利用者補足情報 is not
 * named in any cascade and is kept.
 */
public final class DeleteCascade {
    /** A kind whose records with this key are removed. */
    public record Removal(FileKind kind, PlanKey key) {
    }

    private DeleteCascade() {
    }

    public static List<Removal> removedBy(StandardRecord delete) {
        if (delete instanceof CarePlan1DeleteRecord record) {
            PlanKey key = PlanKey.key(PlanKey.Table.CARE_PLAN_1, record, StandardValues.formatDate(record.planChangedOn()));
            return List.of(new Removal(FileKind.UP1KYO, key), new Removal(FileKind.UP2KYO, key),
                    new Removal(FileKind.UP3KYO, key));
        }
        if (delete instanceof ScheduleDeleteRecord record) {
            PlanKey key = PlanKey.key(PlanKey.Table.SCHEDULE, record, StandardValues.formatMonth(record.deletedMonth()));
            return List.of(new Removal(FileKind.UPPLAN, key), new Removal(FileKind.UPSIKYU, key));
        }
        if (delete instanceof ActualsDeleteRecord record) {
            PlanKey key = PlanKey.key(PlanKey.Table.ACTUALS, record, StandardValues.formatMonth(record.deletedMonth())
                    + "/" + record.serviceOfficeNumber() + "/" + record.serviceType());
            return List.of(new Removal(FileKind.UPJSK, key));
        }
        if (delete instanceof BasicInfoDeleteRecord record) {
            PlanKey key = PlanKey.key(PlanKey.Table.BASIC_INFO, record, StandardValues.formatDate(record.consultedOn()));
            return List.of(new Removal(FileKind.UPKIHON, key), new Removal(FileKind.UPKIHON_SUB1, key),
                    new Removal(FileKind.UPKIHON_SUB2, key));
        }
        if (delete instanceof PreventionPlanDeleteRecord record) {
            PlanKey key = PlanKey.key(PlanKey.Table.PREVENTION_PLAN, record,
                    StandardValues.formatDate(record.planChangedOn()));
            return List.of(new Removal(FileKind.UPYOBO, key), new Removal(FileKind.UPYOBO_SUB, key));
        }
        throw new IllegalArgumentException(delete.getClass().getSimpleName() + " is not a delete record");
    }
}
