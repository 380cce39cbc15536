package jp.renkei.ingest.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalGovernmentCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"011002", "312011", "331007", "331015", "131016", "472093"})
    void codesOfRealMunicipalitiesAreValid(String code) {
        assertThat(LocalGovernmentCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"011003", "312010", "331008", "331016"})
    void wrongCheckDigitIsInvalid(String code) {
        assertThat(LocalGovernmentCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"01100", "0110020", "01100A", "０１１００２", " 11002"})
    void anythingButSixDigitsIsInvalid(String code) {
        assertThat(LocalGovernmentCode.isValid(code)).isFalse();
    }

    @Test
    void checkDigitIsElevenMinusTheWeightedSumModuloElevenThenModuloTen() {
        assertThat(LocalGovernmentCode.checkDigit("01100")).isEqualTo(2);
        assertThat(LocalGovernmentCode.checkDigit("31201")).isEqualTo(1);
        assertThat(LocalGovernmentCode.checkDigit("33100")).isEqualTo(7);
        // 1×6 + 3×5 + 1×4 + 0×3 + 1×2 = 27 → 11 − 5 = 6, and 13101 千代田区 is 131016
        assertThat(LocalGovernmentCode.checkDigit("13101")).isEqualTo(6);
    }
}
