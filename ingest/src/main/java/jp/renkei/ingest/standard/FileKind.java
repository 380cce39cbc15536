package jp.renkei.ingest.standard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file kinds of the standard with their field counts in V4.1 and V3 (0 where the kind does not exist in V3).
 * The walking skeleton validates UPPLAN, UPJSK and UPSIKYU to field level; the other kinds to field count.
 */
public enum FileKind {
    UPHOSOKU(63, 63, SendUnitGroup.PLAN_SET),
    UP1KYO(28, 28, SendUnitGroup.CARE_PLAN),
    DLT1KYO(4, 4, SendUnitGroup.CARE_PLAN_DELETE),
    UP2KYO(22, 22, SendUnitGroup.CARE_PLAN),
    UP3KYO(13, 0, SendUnitGroup.CARE_PLAN),
    UPPLAN(25, 22, SendUnitGroup.SCHEDULE),
    DLTPLAN(4, 4, SendUnitGroup.SCHEDULE_DELETE),
    UPJSK(25, 22, SendUnitGroup.ACTUALS),
    DLTJSK(6, 6, SendUnitGroup.ACTUALS_DELETE),
    UPSIKYU(37, 34, SendUnitGroup.SCHEDULE);

    /** Files sharing a timestamp travel as one send unit; the groups are the standard's §2.4 sets. */
    public enum SendUnitGroup {
        PLAN_SET, CARE_PLAN, CARE_PLAN_DELETE, SCHEDULE, SCHEDULE_DELETE, ACTUALS, ACTUALS_DELETE
    }

    private final int fieldCountVersion4;
    private final int fieldCountVersion3;
    private final SendUnitGroup sendUnitGroup;

    FileKind(int fieldCountVersion4, int fieldCountVersion3, SendUnitGroup sendUnitGroup) {
        this.fieldCountVersion4 = fieldCountVersion4;
        this.fieldCountVersion3 = fieldCountVersion3;
        this.sendUnitGroup = sendUnitGroup;
    }

    public int fieldCount(CsvVersion version) {
        return version.isVersion4() ? fieldCountVersion4 : fieldCountVersion3;
    }

    public SendUnitGroup sendUnitGroup() {
        return sendUnitGroup;
    }

    /** True for the 第6表 kinds whose lines become {@code schedule_lines}. */
    public boolean carriesScheduleLines() {
        return this == UPPLAN || this == UPJSK;
    }

    public static Optional<FileKind> fromPrefix(String prefix) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(prefix)).findFirst();
    }
}
