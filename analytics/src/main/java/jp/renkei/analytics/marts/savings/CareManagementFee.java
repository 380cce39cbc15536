package jp.renkei.analytics.marts.savings;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * 居宅介護支援費 after the 令和6年度 revision: units per user and month by band and care level, and where the 逓減制
 * moves a user to a lower band (docs/marts.md, "office_savings"; service codes 432111 … 435611). Under (Ⅰ) the users
 * below 45 per care manager are paid at (ⅰ); under (Ⅱ) — for offices that use the ケアプランデータ連携システム and have
 * clerical staff — below 50; from 60 on both pay (ⅲ), and (Ⅱ)'s (ⅱ) and (ⅲ) pay a little less than (Ⅰ)'s.
 */
enum CareManagementFee {
    I(45, new double[] {1086, 544, 326}, new double[] {1411, 704, 422}),
    II(50, new double[] {1086, 527, 316}, new double[] {1411, 683, 410});

    /** Users per care manager from which both schemes pay band (ⅲ). */
    static final int THIRD_BAND_FROM = 60;

    private final int secondBandFrom;
    private final double[] careLevelsOneTwo;
    private final double[] careLevelsThreeToFive;

    CareManagementFee(int secondBandFrom, double[] careLevelsOneTwo, double[] careLevelsThreeToFive) {
        this.secondBandFrom = secondBandFrom;
        this.careLevelsOneTwo = careLevelsOneTwo;
        this.careLevelsThreeToFive = careLevelsThreeToFive;
    }

    /**
     * The office's units for a month. A user is paid at the band its place in the office's count falls in: with
     * {@code f} care managers, places below {@code 45·f} (or {@code 50·f}) are (ⅰ), below {@code 60·f} (ⅱ), the rest
     * (ⅲ).
     *
     * @param users the users of the month
     * @param careManagers care managers, full-time equivalent (&gt; 0)
     * @param careLevelsOneTwoShare the share of users at 要介護1・2 (the rest at 3・4・5)
     */
    Column monthlyUnits(Column users, Column careManagers, Column careLevelsOneTwoShare) {
        Column cases = users.cast(DataTypes.DoubleType);
        Column firstBand = least(cases, greatest(lit(0.0), ceil(careManagers.multiply(secondBandFrom)).minus(1)));
        Column firstTwoBands = least(cases, greatest(lit(0.0), ceil(careManagers.multiply(THIRD_BAND_FROM)).minus(1)));
        Column secondBand = firstTwoBands.minus(firstBand);
        Column thirdBand = cases.minus(firstTwoBands);
        return firstBand.multiply(unitsPerUser(0, careLevelsOneTwoShare))
                .plus(secondBand.multiply(unitsPerUser(1, careLevelsOneTwoShare)))
                .plus(thirdBand.multiply(unitsPerUser(2, careLevelsOneTwoShare)));
    }

    /** A user's units in a band, weighted by the care-level mix. */
    Column unitsPerUser(int band, Column careLevelsOneTwoShare) {
        return careLevelsOneTwoShare.multiply(careLevelsOneTwo[band])
                .plus(lit(1.0).minus(careLevelsOneTwoShare).multiply(careLevelsThreeToFive[band]));
    }
}
