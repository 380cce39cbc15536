package jp.renkei.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The column lists are the contract of docs/landing-zone.md; a change here must be a change there. */
class LandingDatasetTest {

    @Test
    void datasetsAndColumnsMatchTheLandingZoneContract() {
        assertThat(LandingDataset.MUNICIPALITIES.columns()).containsExactly(
                "municipality_code", "prefecture_code", "prefecture_name", "municipality_name", "municipality_kana");
        assertThat(LandingDataset.OFFICES.columns()).containsExactly(
                "office_number", "service_type", "office_name", "municipality_code", "prefecture_code");
        assertThat(LandingDataset.APPLICATIONS.columns()).containsExactly(
                "office_number", "service_type", "applied_on", "license_start", "license_end", "plan");
        assertThat(LandingDataset.EXCHANGES.columns()).containsExactly(
                "message_id", "kind", "csv_version", "sender_office", "sender_service_type", "recipient_office",
                "recipient_service_type", "target_month", "records", "persons", "bytes", "sha256", "received_at",
                "delivered_at", "acked_at", "status");
        assertThat(LandingDataset.SCHEDULE_LINES.columns()).containsExactly(
                "message_id", "kind", "person_key", "insurer", "target_month", "service_date", "service_code",
                "service_office", "units", "start_time", "end_time", "count");
        assertThat(LandingDataset.CARD_CHECKS.columns()).containsExactly(
                "check_id", "office", "insurer", "person_key", "method", "result", "failure_reason", "latency_ms",
                "checked_at");
        assertThat(LandingDataset.EFFECT_REPORTS.columns()).containsExactly(
                "office_number", "month", "sheets_printed", "input_hours", "paper_postage_yen", "returned_claims",
                "overtime_hours", "paid_leave_rate", "care_managers_fte", "users");
        assertThat(LandingDataset.MODEL_REGIONS.columns()).containsExactly(
                "prefecture_code", "region_id", "region_name", "budget_yen", "start_month", "member_type", "member_code");
        assertThat(LandingDataset.CARD_ROLLOUT.columns()).containsExactly("municipality_code", "start_month");
    }

    @Test
    void folderNamesAreTheLowerCaseDatasetNames() {
        for (LandingDataset dataset : LandingDataset.values()) {
            assertThat(dataset.directoryName()).isEqualTo(dataset.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
