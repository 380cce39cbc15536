package jp.renkei.ingest.reports;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One member (an office or a municipality) of a prefecture's model region (モデル地域), with the region's own
 * columns repeated on each member's line.
 */
public record ModelRegionMember(String prefectureCode, String regionId, String regionName, long budgetYen,
        YearMonth startMonth, MemberType memberType, String memberCode) {

    /** What the member code names: a 事業所番号 or a 全国地方公共団体コード. */
    public enum MemberType {
        OFFICE("事業所", "office"),
        MUNICIPALITY("市町村", "municipality");

        private final String label;
        private final String landingValue;

        MemberType(String label, String landingValue) {
            this.label = label;
            this.landingValue = landingValue;
        }

        public String label() {
            return label;
        }

        public String landingValue() {
            return landingValue;
        }

        public static Optional<MemberType> fromLabel(String label) {
            return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
        }
    }

    /** The row of the {@code model_regions} landing dataset. */
    public List<Object> toLandingRow() {
        return Arrays.asList(prefectureCode, regionId, regionName, budgetYen, startMonth, memberType.landingValue(), memberCode);
    }
}
