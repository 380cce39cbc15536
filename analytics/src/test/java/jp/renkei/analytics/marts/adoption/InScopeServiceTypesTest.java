package jp.renkei.analytics.marts.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InScopeServiceTypesTest {

    @Test
    void holdsTheStandardsServicesPlusTheCareManagementOffices() {
        assertThat(InScopeServiceTypes.ALL)
                .hasSize(23 + 22 + 2)
                .contains("11", "2A", "38", "62", "2B", "A1", "A8", "43", "46");
    }

    @Test
    void leavesOutFacilitiesAndTheTypesTheStandardExcludes() {
        assertThat(InScopeServiceTypes.ALL).doesNotContain("33", "36", "32", "41", "42", "51", "52", "53", "54", "59",
                "81", "35", "37", "44", "45");
    }

    @Test
    void careManagementScopeIsType43Only() {
        assertThat(DenominatorScope.CARE_MANAGEMENT_ONLY.serviceTypes()).containsExactly("43");
        assertThat(DenominatorScope.ALL_IN_SCOPE.value()).isEqualTo("all_in_scope");
        assertThat(DenominatorScope.CARE_MANAGEMENT_ONLY.value()).isEqualTo("care_management_only");
    }
}
