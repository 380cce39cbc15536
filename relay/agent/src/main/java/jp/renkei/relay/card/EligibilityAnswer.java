package jp.renkei.relay.card;

import java.time.LocalDate;

/**
 * The relay's answer to a completed check: the person's care-insurance record and whether it covers the check date.
 *
 * @param checkId             the relay's id of the check (quote it to the help desk)
 * @param eligible            false when the 認定有効期間 does not cover the check date (code CARD-ELIG-001)
 * @param code                null when eligible, else {@code CARD-ELIG-001}
 * @param messageJa           null when eligible, else what to tell the office user
 * @param insuredPersonNumber 被保険者番号 — for the office's own records; never log it. The record's fields (numbers,
 *                            care level, period, copayment) are null (ratio 0) when the relay withheld them: a face or
 *                            visual check (no card signature), or an office not registered as the person's
 * @param registeredOffice    whether the checking office is registered as the person's office
 */
public record EligibilityAnswer(
        String checkId,
        boolean eligible,
        String code,
        String messageJa,
        String insurerNumber,
        String insuredPersonNumber,
        String careLevel,
        LocalDate certificationValidFrom,
        LocalDate certificationValidTo,
        int copaymentRatio,
        boolean registeredOffice) {

    /** Whether the relay answered the person's record (see {@code insuredPersonNumber}). */
    public boolean recordDisclosed() {
        return insuredPersonNumber != null;
    }

    /** Leaves the 被保険者番号 out, so that logging an answer logs no personal number. */
    @Override
    public String toString() {
        return "EligibilityAnswer[check=" + checkId + ", eligible=" + eligible + ", insurer=" + insurerNumber
                + ", careLevel=" + careLevel + ", valid " + certificationValidFrom + ".." + certificationValidTo
                + ", ratio=" + copaymentRatio + ", registeredOffice=" + registeredOffice + "]";
    }
}
