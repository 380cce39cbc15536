package jp.renkei.analytics.marts.adoption;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** The municipality size classes by in-scope office count: S 1–9, M 10–49, L 50–199, XL 200+, NONE 0. */
public final class SizeClass {

    public static final String NONE = "NONE";

    private SizeClass() {
    }

    /** The size class of an {@code offices_in_scope} column. */
    public static Column of(Column officesInScope) {
        return when(officesInScope.geq(200), lit("XL"))
                .when(officesInScope.geq(50), lit("L"))
                .when(officesInScope.geq(10), lit("M"))
                .when(officesInScope.geq(1), lit("S"))
                .otherwise(lit(NONE));
    }
}
