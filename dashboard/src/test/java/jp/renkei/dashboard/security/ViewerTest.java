package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerTest {

    @Test
    void parsesTheFourRoles() {
        assertThat(Viewer.parse("ministry")).contains(Viewer.ministry());
        assertThat(Viewer.parse("prefecture:31")).contains(Viewer.prefecture("31"));
        assertThat(Viewer.parse("prefecture:01")).contains(Viewer.prefecture("01"));
        assertThat(Viewer.parse("municipality:312029")).contains(Viewer.municipality("312029"));
        assertThat(Viewer.parse("office:3110000001")).contains(Viewer.office("3110000001"));
        assertThat(Viewer.office("3110000001").toString()).isEqualTo("office:3110000001");
        assertThat(Viewer.municipality("312029").prefectureCode()).contains("31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ministry", "ministry:13", "prefecture:", "prefecture:1", "prefecture:00",
            "prefecture:48", "prefecture:311", "municipality:31202", "municipality:482029", "office:311000000",
            "office:31100000011", "office:00000000001", "admin"})
    void refusesAnythingElse(String text) {
        assertThat(Viewer.parse(text)).isEmpty();
    }

    @Test
    void theMinistryKeepsWhatItAskedFor() {
        assertThat(Viewer.ministry().narrow(Optional.empty())).isEmpty();
        assertThat(Viewer.ministry().narrow(Optional.of("13"))).contains("13");
        assertThat(Viewer.ministry().conditions(Mart.OFFICE_SAVINGS, Map.of("office_number", "1310000001")))
                .containsExactly(Map.entry("office_number", "1310000001"));
    }

    @Test
    void aPrefectureIsHeldToItsOwn() {
        Viewer tottori = Viewer.prefecture("31");

        assertThat(tottori.narrow(Optional.empty())).contains("31");
        assertThat(tottori.narrow(Optional.of("31"))).contains("31");
        assertScopeError(() -> tottori.narrow(Optional.of("13")), "DASH-SCOPE-001");
        assertThat(tottori.conditions(Mart.MODEL_REGION_EFFECT, Map.of())).containsExactly(Map.entry("prefecture_code", "31"));
        assertScopeError(() -> tottori.conditions(Mart.OFFICE_SAVINGS, Map.of("prefecture_code", "13")), "DASH-SCOPE-001");
    }

    @Test
    void aMunicipalityReadsItsOwnRowsAndNoMartWithoutAMunicipalityColumn() {
        Viewer yonago = Viewer.municipality("312029");

        assertThat(yonago.conditions(Mart.MUNICIPAL_ADOPTION, Map.of("month", "2026-10"))).containsOnly(
                Map.entry("month", "2026-10"), Map.entry("prefecture_code", "31"), Map.entry("municipality_code", "312029"));
        assertThat(yonago.conditions(Mart.OFFICE_SAVINGS, Map.of())).containsEntry("municipality_code", "312029");
        assertScopeError(() -> yonago.conditions(Mart.MUNICIPAL_ADOPTION, Map.of("municipality_code", "312011")),
                "DASH-SCOPE-001");
        assertScopeError(() -> yonago.conditions(Mart.PLAN_ACTUAL_AGREEMENT, Map.of()), "DASH-SCOPE-003");
        assertScopeError(() -> yonago.conditions(Mart.MODEL_REGION_EFFECT, Map.of()), "DASH-SCOPE-003");
        assertThat(yonago.conditions(Mart.IMPROVEMENT_CURVE, Map.of())).isEmpty();
    }

    @Test
    void anOfficeReadsOnlyItselfAndTheNationalAggregates() {
        Viewer office = Viewer.office("3110000001");

        assertThat(office.conditions(Mart.OFFICE_SAVINGS, Map.of())).containsOnly(
                Map.entry("prefecture_code", "31"), Map.entry("office_number", "3110000001"));
        assertThat(office.conditions(Mart.IMPROVEMENT_OFFICE, Map.of())).containsEntry("office_number", "3110000001");
        assertScopeError(() -> office.conditions(Mart.OFFICE_SAVINGS, Map.of("office_number", "3110000002")),
                "DASH-SCOPE-001");
        assertScopeError(() -> office.conditions(Mart.MUNICIPAL_ADOPTION, Map.of()), "DASH-SCOPE-003");
        assertScopeError(() -> office.conditions(Mart.PREFECTURE_ADOPTION, Map.of()), "DASH-SCOPE-003");
        assertThat(office.conditions(Mart.IMPROVEMENT_CURVE, Map.of("cohort", "all"))).containsOnly(Map.entry("cohort", "all"));
    }

    private static void assertScopeError(Runnable call, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(DashboardException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
