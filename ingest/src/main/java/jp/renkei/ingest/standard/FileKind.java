package jp.renkei.ingest.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file kinds of the standard with their field counts in V4.1 and V3 (0 where the kind does not exist in V3),
 * the send-unit group they travel in, and whether their name carries a 対象年月. Declared in the standard's
 * processing order: within a send unit, a parent comes before its children.
 */
public enum FileKind {
    UPKIHON(71, 0, SendUnitGroup.PREVENTION_BASIC, NameMonth.NONE),
    UPKIHON_SUB1(7, 0, SendUnitGroup.PREVENTION_BASIC, NameMonth.NONE),
    UPKIHON_SUB2(11, 0, SendUnitGroup.PREVENTION_BASIC, NameMonth.NONE),
    /** The family-structure JPEG of a UPKIHON: {@code UPKIHON_IMAGE_…_{14}_{枝番4}.jpg}; no CSV fields. */
    UPKIHON_IMAGE(0, 0, SendUnitGroup.PREVENTION_BASIC, NameMonth.NONE),
    DLTKIHON(4, 0, SendUnitGroup.PREVENTION_BASIC_DELETE, NameMonth.NONE),
    UPYOBO(57, 0, SendUnitGroup.PREVENTION_PLAN, NameMonth.NONE),
    UPYOBO_SUB(17, 0, SendUnitGroup.PREVENTION_PLAN, NameMonth.NONE),
    DLTYOBO(4, 0, SendUnitGroup.PREVENTION_PLAN_DELETE, NameMonth.NONE),
    UP1KYO(28, 28, SendUnitGroup.CARE_PLAN, NameMonth.NONE),
    UP2KYO(22, 22, SendUnitGroup.CARE_PLAN, NameMonth.NONE),
    UP3KYO(13, 0, SendUnitGroup.CARE_PLAN, NameMonth.NONE),
    DLT1KYO(4, 4, SendUnitGroup.CARE_PLAN_DELETE, NameMonth.NONE),
    UPPLAN(25, 22, SendUnitGroup.SCHEDULE, NameMonth.REQUIRED),
    UPSIKYU(37, 34, SendUnitGroup.SCHEDULE, NameMonth.REQUIRED),
    /** Travels with 1/2/3表 (name month {@code 000000}) or with 6/7表 (a real month). */
    UPHOSOKU(63, 63, SendUnitGroup.PLAN_SET, NameMonth.MONTH_OR_ZERO),
    DLTPLAN(4, 4, SendUnitGroup.SCHEDULE_DELETE, NameMonth.REQUIRED),
    UPJSK(25, 22, SendUnitGroup.ACTUALS, NameMonth.REQUIRED),
    DLTJSK(6, 6, SendUnitGroup.ACTUALS_DELETE, NameMonth.REQUIRED);

    /** Files sharing a timestamp travel as one send unit; the groups are the standard's §2.4 sets. */
    public enum SendUnitGroup {
        PLAN_SET, CARE_PLAN, CARE_PLAN_DELETE, SCHEDULE, SCHEDULE_DELETE, ACTUALS, ACTUALS_DELETE,
        PREVENTION_BASIC, PREVENTION_BASIC_DELETE, PREVENTION_PLAN, PREVENTION_PLAN_DELETE
    }

    /** Whether the file name carries a 対象年月 segment. */
    public enum NameMonth {
        /** A real month, e.g. {@code UPPLAN_202610_…}. */
        REQUIRED,
        /** A real month or {@code 000000}. */
        MONTH_OR_ZERO,
        /** No month segment ({@code UP1KYO_<sender>_…}); {@code _000000_} is accepted from older senders. */
        NONE
    }

    private final int fieldCountVersion4;
    private final int fieldCountVersion3;
    private final SendUnitGroup sendUnitGroup;
    private final NameMonth nameMonth;

    FileKind(int fieldCountVersion4, int fieldCountVersion3, SendUnitGroup sendUnitGroup, NameMonth nameMonth) {
        this.fieldCountVersion4 = fieldCountVersion4;
        this.fieldCountVersion3 = fieldCountVersion3;
        this.sendUnitGroup = sendUnitGroup;
        this.nameMonth = nameMonth;
    }

    public int fieldCount(CsvVersion version) {
        return version.isVersion4() ? fieldCountVersion4 : fieldCountVersion3;
    }

    public SendUnitGroup sendUnitGroup() {
        return sendUnitGroup;
    }

    public NameMonth nameMonth() {
        return nameMonth;
    }

    /** True for kinds the V3 standard does not have (3表 and the 介護予防 files). */
    public boolean version4Only() {
        return fieldCountVersion3 == 0;
    }

    /** True for the family-structure image, the one kind that is not a CSV. */
    public boolean isImage() {
        return this == UPKIHON_IMAGE;
    }

    /** True for the 第6表 kinds whose lines become {@code schedule_lines}. */
    public boolean carriesScheduleLines() {
        return this == UPPLAN || this == UPJSK;
    }

    /** True for the DLT* kinds. */
    public boolean isDelete() {
        return name().startsWith("DLT");
    }

    public static Optional<FileKind> fromPrefix(String prefix) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(prefix)).findFirst();
    }
}
