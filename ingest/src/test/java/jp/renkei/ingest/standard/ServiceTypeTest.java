package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ServiceTypeTest {

    @Test
    void codesAndNamesAreUnique() {
        assertThat(Arrays.stream(ServiceType.values()).map(ServiceType::code)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ServiceType.values()).map(ServiceType::japaneseName)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void everyTypeIsEitherInOrNamedOutOfTheStandardsScope(ServiceType type) {
        assertThat(ServiceTypeScope.of(type.code())).isNotEqualTo(ServiceTypeScope.Scope.UNKNOWN);
        assertThat(type.inStandardScope()).isEqualTo(ServiceTypeScope.of(type.code()) == ServiceTypeScope.Scope.IN_SCOPE);
    }

    @ParameterizedTest
    @CsvSource({"11", "13", "17", "21", "22", "23", "2A", "27", "28", "31", "38", "43", "46", "68", "71", "72", "73", "76",
        "77", "78", "79", "24", "25", "26", "2B", "34", "39", "62", "63", "64", "66", "67", "69", "74", "75", "A1", "A8"})
    void everyInScopeCodeOfTheStandardHasAType(String code) {
        assertThat(ServiceType.fromCode(code)).hasValueSatisfying(type -> assertThat(type.inStandardScope()).isTrue());
    }

    /** Names as the 介護サービス情報公表 office list prints them in サービスの種類. */
    @ParameterizedTest
    @CsvSource({
        "介護医療院, 55, false",
        "看護小規模多機能型居宅介護, 77, true",
        "夜間対応型訪問介護, 71, true",
        "定期巡回・随時対応型訪問介護看護, 76, true",
        "認知症対応型通所介護, 72, true",
        "特定施設入居者生活介護, 33, false",
        "介護老人保健施設, 52, false",
        "地域密着型介護老人福祉施設入所者生活介護, 54, false",
        "居宅介護支援, 43, true"})
    void officeListNamesResolve(String name, String code, boolean inScope) {
        assertThat(ServiceType.fromJapaneseName(name)).hasValueSatisfying(type -> {
            assertThat(type.code()).isEqualTo(code);
            assertThat(type.inStandardScope()).isEqualTo(inScope);
        });
    }
}
