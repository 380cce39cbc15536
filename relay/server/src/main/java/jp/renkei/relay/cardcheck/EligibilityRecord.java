package jp.renkei.relay.cardcheck;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the registry holds for one card holder: the care-insurance record an office sees after a check.
 *
 * @param certificateSerial     the card's user-authentication certificate serial, lower-case hex
 * @param insurerNumber         保険者番号 (6 digits)
 * @param insuredPersonNumber   被保険者番号 (10 characters) — goes back to the checking office, never to a log or the landing zone
 * @param careLevel             要介護状態区分, e.g. {@code 要介護2} or {@code 要支援1}
 * @param certificationValidFrom first day of the 認定有効期間
 * @param certificationValidTo   last day of the 認定有効期間
 * @param copaymentRatio        負担割合 in 割: 1, 2 or 3
 * @param registeredOffices     事業所番号 of the offices registered as the person's offices
 */
public record EligibilityRecord(
        String certificateSerial,
        String insurerNumber,
        String insuredPersonNumber,
        String careLevel,
        LocalDate certificationValidFrom,
        LocalDate certificationValidTo,
        int copaymentRatio,
        Set<String> registeredOffices) {

    public EligibilityRecord {
        Objects.requireNonNull(certificateSerial, "certificateSerial");
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        Objects.requireNonNull(insuredPersonNumber, "insuredPersonNumber");
        Objects.requireNonNull(careLevel, "careLevel");
        Objects.requireNonNull(certificationValidFrom, "certificationValidFrom");
        Objects.requireNonNull(certificationValidTo, "certificationValidTo");
        registeredOffices = Set.copyOf(registeredOffices);
    }

    /** Whether the 認定有効期間 covers {@code date} (both ends included). */
    public boolean eligibleOn(LocalDate date) {
        return !date.isBefore(certificationValidFrom) && !date.isAfter(certificationValidTo);
    }

    public boolean registers(String office) {
        return registeredOffices.contains(office);
    }

    /** Leaves the 被保険者番号 out, so that a record in a log or an assertion message shows no personal number. */
    @Override
    public String toString() {
        return "EligibilityRecord[serial=" + certificateSerial + ", insurer=" + insurerNumber + ", careLevel=" + careLevel
                + ", valid " + certificationValidFrom + ".." + certificationValidTo + ", ratio=" + copaymentRatio + "]";
    }
}
