package jp.renkei.ingest.demo;

import java.time.LocalDate;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.standard.ServiceType;

/**
 * An office of the demo nation.
 *
 * @param locationCode the code printed in the office list: the municipality's, or one of its wards'
 * @param appliedOn null for offices that have not applied by the reference month
 */
record DemoOffice(String officeNumber, ServiceType type, String name, Municipality municipality, String locationCode,
        LocalDate appliedOn, LocalDate licenseStart) {

    boolean adopted() {
        return appliedOn != null;
    }
}
