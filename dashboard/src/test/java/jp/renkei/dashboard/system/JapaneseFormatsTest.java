package jp.renkei.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JapaneseFormatsTest {

    private final JapaneseFormats formats = new JapaneseFormats();

    @Test
    void countsHaveThreeDigitGrouping() {
        assertThat(formats.count(0L)).isEqualTo("0");
        assertThat(formats.count(1234L)).isEqualTo("1,234");
        assertThat(formats.count(37_000_000L)).isEqualTo("37,000,000");
        assertThat(formats.count(null)).isEqualTo("—");
        assertThat(formats.rank(1741)).isEqualTo("1,741");
        assertThat(formats.rank(null)).isEqualTo("—");
    }

    @Test
    void fractionsArePercentWithOneDecimalRoundedHalfUp() {
        assertThat(formats.percent(0.1234)).isEqualTo("12.3%");
        assertThat(formats.percent(0.1235)).isEqualTo("12.4%");
        assertThat(formats.percent(1.0)).isEqualTo("100.0%");
        assertThat(formats.percent(0.0)).isEqualTo("0.0%");
        assertThat(formats.percent(0.076)).isEqualTo("7.6%");
        assertThat(formats.percent(null)).isEqualTo("—");
    }

    @Test
    void changesArePercentagePointsWithASign() {
        assertThat(formats.points(0.023)).isEqualTo("+2.3pt");
        assertThat(formats.points(1.0 - 77.0 / 80)).isEqualTo("+3.8pt");
        assertThat(formats.points(0.6)).isEqualTo("+60.0pt");
        assertThat(formats.points(-0.0049)).isEqualTo("-0.5pt");
        assertThat(formats.points(0.0004)).isEqualTo("±0.0pt");
        assertThat(formats.points(-0.0004)).isEqualTo("±0.0pt");
        assertThat(formats.points(null)).isEqualTo("—");
    }

    @Test
    void monthsReadAsJapaneseYearAndMonth() {
        assertThat(formats.month("2026-10")).isEqualTo("2026年10月");
        assertThat(formats.month("2023-04")).isEqualTo("2023年4月");
        assertThat(formats.asOfMonthEnd("2026-10")).isEqualTo("2026年10月末時点");
        assertThat(formats.month("2026/10")).isEqualTo("—");
        assertThat(formats.month(null)).isEqualTo("—");
    }

    @Test
    void monthsCanCarryTheReiwaYearBesideTheGregorian() {
        assertThat(formats.monthWithEra("2026-10")).isEqualTo("2026年（令和8年）10月");
        assertThat(formats.monthWithEra("2019-05")).isEqualTo("2019年（令和元年）5月");
        assertThat(formats.monthWithEra("2019-04")).isEqualTo("2019年（平成31年）4月");
        assertThat(formats.monthWithEra("2018-12")).isEqualTo("2018年12月");
        assertThat(formats.monthWithEra("2026/10")).isEqualTo("—");
        assertThat(formats.asOfMonthEndWithEra("2026-10")).isEqualTo("2026年（令和8年）10月末時点");
    }

    @Test
    void sizesUseTheLargestFittingUnitAndTimesAreJapanTime() {
        assertThat(formats.bytes(512L)).isEqualTo("512 B");
        assertThat(formats.bytes(30_123_456L)).isEqualTo("28.7 MB");
        assertThat(formats.bytes(20L * 1024 * 1024 * 1024)).isEqualTo("20.0 GB");
        assertThat(formats.bytes(null)).isEqualTo("—");
        assertThat(formats.dateTime(Instant.parse("2026-12-03T23:30:00Z"))).isEqualTo("2026年12月4日 08:30 JST");
        assertThat(formats.dateTime(null)).isEqualTo("—");
    }
}
