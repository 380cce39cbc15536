package jp.renkei.ingest.standard;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The codec of every CSV file kind: its typed record, its layout and its record-level rules. */
final class RecordCodecs {
    private static final Map<FileKind, RecordCodec<?>> BY_KIND = new EnumMap<>(FileKind.class);
    private static final Map<Class<?>, RecordCodec<?>> BY_TYPE = new HashMap<>();

    static {
        RecordCodec<ScheduleRecord> schedule =
                new RecordCodec<>(ScheduleRecord.class, ScheduleRecord.LAYOUT, ScheduleRules.RULES);
        register(FileKind.UPPLAN, schedule);
        register(FileKind.UPJSK, schedule);
        register(FileKind.UPHOSOKU, new RecordCodec<>(SupplementRecord.class, SupplementRecord.LAYOUT,
                List.of(SupplementRecord::checkTie)));
        register(FileKind.UP1KYO, codec(CarePlan1Record.class, CarePlan1Record.LAYOUT));
        register(FileKind.DLT1KYO, codec(CarePlan1DeleteRecord.class, CarePlan1DeleteRecord.LAYOUT));
        register(FileKind.UP2KYO, codec(CarePlan2Record.class, CarePlan2Record.LAYOUT));
        register(FileKind.UP3KYO, codec(WeeklyPlanRecord.class, WeeklyPlanRecord.LAYOUT));
        register(FileKind.DLTPLAN, codec(ScheduleDeleteRecord.class, ScheduleDeleteRecord.LAYOUT));
        register(FileKind.DLTJSK, codec(ActualsDeleteRecord.class, ActualsDeleteRecord.LAYOUT));
        register(FileKind.UPSIKYU, new RecordCodec<>(BenefitRecord.class, BenefitRecord.LAYOUT,
                List.of(BenefitTotals::checkRow)));
        register(FileKind.UPKIHON, codec(BasicInfoRecord.class, BasicInfoRecord.LAYOUT));
        register(FileKind.UPKIHON_SUB1, codec(DailyScheduleRecord.class, DailyScheduleRecord.LAYOUT));
        register(FileKind.UPKIHON_SUB2, codec(MedicalHistoryRecord.class, MedicalHistoryRecord.LAYOUT));
        register(FileKind.DLTKIHON, codec(BasicInfoDeleteRecord.class, BasicInfoDeleteRecord.LAYOUT));
        register(FileKind.UPYOBO, codec(PreventionPlanRecord.class, PreventionPlanRecord.LAYOUT));
        register(FileKind.UPYOBO_SUB, codec(PreventionSupportRecord.class, PreventionSupportRecord.LAYOUT));
        register(FileKind.DLTYOBO, codec(PreventionPlanDeleteRecord.class, PreventionPlanDeleteRecord.LAYOUT));
    }

    private RecordCodecs() {
    }

    private static <R extends Record & StandardRecord> RecordCodec<R> codec(Class<R> type, Layout layout) {
        return new RecordCodec<>(type, layout, List.of());
    }

    private static void register(FileKind kind, RecordCodec<?> codec) {
        BY_KIND.put(kind, codec);
        BY_TYPE.put(codec.type(), codec);
    }

    /** The codec of a CSV kind; empty for the image kind. */
    static Optional<RecordCodec<?>> forKind(FileKind kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    static RecordCodec<?> forRecord(StandardRecord record) {
        RecordCodec<?> codec = BY_TYPE.get(record.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no codec for " + record.getClass());
        }
        return codec;
    }
}
