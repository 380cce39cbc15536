package jp.renkei.ingest.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * One office's self-reported KPIs for one month. Every measure but {@code users} may be null (not reported).
 *
 * @param inputHours hours spent entering 実績 (service actuals) in the month
 * @param paperPostageYen paper, printing and postage/FAX cost of the month in yen
 * @param paidLeaveRate percent of granted paid leave taken, 0–100
 * @param careManagersFte care managers, full-time equivalent
 */
public record EffectReport(String officeNumber, YearMonth month, Long sheetsPrinted, BigDecimal inputHours,
        Long paperPostageYen, Long returnedClaims, BigDecimal overtimeHours, BigDecimal paidLeaveRate,
        BigDecimal careManagersFte, long users) {

    /** The row of the {@code effect_reports} landing dataset. */
    public List<Object> toLandingRow() {
        return Arrays.asList(officeNumber, month, sheetsPrinted, plain(inputHours), paperPostageYen, returnedClaims,
                plain(overtimeHours), plain(paidLeaveRate), plain(careManagersFte), users);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
