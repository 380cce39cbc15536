package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.standard.ServiceType;

/**
 * An office of the demo nation.
 *
 * @param locationCode the code printed in the office list: the municipality's, or one of its wards'
 * @param careManagers full-time-equivalent care managers (居宅介護支援 offices only, else 0)
 * @param popularity how strongly persons are drawn to this office among its municipality's offices of the same type
 *     (a stand-in for its size; mean 1)
 * @param appliedOn null for offices that have not applied by the reference month
 */
record DemoOffice(String officeNumber, ServiceType type, String name, Municipality municipality, String locationCode,
        int careManagers, double popularity, LocalDate appliedOn, LocalDate licenseStart) {

    boolean adopted() {
        return appliedOn != null;
    }

    boolean adoptedBy(YearMonth month) {
        return licenseStart != null && !YearMonth.from(licenseStart).isAfter(month);
    }

    boolean inStandardScope() {
        return type.inStandardScope();
    }

    String prefectureCode() {
        return municipality.prefectureCode();
    }
}
