package jp.renkei.analytics.marts.adoption;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import jp.renkei.ingest.standard.ServiceTypeScope;

/**
 * The サービス種類コード whose offices count as in-scope offices: the denominator of 申請率 and active rate.
 *
 * <p>The standard's scope (careplan-csv-standard §1.3, SPEC-V4.1 §1.3) lists the <em>services</em> a care plan
 * schedules: 居宅 11–17, 21–23, 2A, 31, 71, 76, 72, 78, 73, 68, 77, 79 and the short stays 27, 28, 38; 予防 62–64, 66,
 * 67, 24–26, 2B, 34, 74, 75, 69, 39 and A1–A8. It omits the senders of the plans because they are not a scheduled
 * service: 43 居宅介護支援 and 46 介護予防支援. They exchange every file of the linkage, so they are in scope here.
 * The spec warns its PDF table is misaligned: re-check this list against the PDF before trusting a single code.
 */
public final class InScopeServiceTypes {

    /** 居宅介護支援: the care-management office; the only type of the {@code care_management_only} scope. */
    public static final String CARE_MANAGEMENT = "43";
    /** 介護予防支援. */
    public static final String PREVENTIVE_CARE_MANAGEMENT = "46";

    /** Every in-scope type, sorted: the standard's services plus 43 and 46. */
    public static final Set<String> ALL = all();

    private InScopeServiceTypes() {
    }

    public static boolean isInScope(String serviceType) {
        return ALL.contains(serviceType);
    }

    /** Defined once, in ingest's {@link ServiceTypeScope}, which the validators use too. */
    private static Set<String> all() {
        return Collections.unmodifiableSet(new TreeSet<>(ServiceTypeScope.inScopeCodes()));
    }
}
