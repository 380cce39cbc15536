package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import jp.renkei.dashboard.system.DashboardException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ViewerTest {

    @Test
    void parsesTheTwoRoles() {
        assertThat(Viewer.parse("ministry")).contains(Viewer.ministry());
        assertThat(Viewer.parse("prefecture:31")).contains(Viewer.prefecture("31"));
        assertThat(Viewer.parse("prefecture:01")).contains(Viewer.prefecture("01"));
        assertThat(Viewer.prefecture("47").toString()).isEqualTo("prefecture:47");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ministry", "prefecture:", "prefecture:1", "prefecture:00", "prefecture:48",
            "prefecture:311", "municipality:312011", "office:3112345678"})
    void refusesAnythingElse(String text) {
        assertThat(Viewer.parse(text)).isEmpty();
    }

    @Test
    void theMinistryKeepsWhatItAskedFor() {
        assertThat(Viewer.ministry().narrow(Optional.empty())).isEmpty();
        assertThat(Viewer.ministry().narrow(Optional.of("13"))).contains("13");
        assertThat(Viewer.ministry().restriction()).isEmpty();
    }

    @Test
    void aPrefectureIsHeldToItsOwn() {
        Viewer tottori = Viewer.prefecture("31");

        assertThat(tottori.restriction()).contains("31");
        assertThat(tottori.narrow(Optional.empty())).contains("31");
        assertThat(tottori.narrow(Optional.of("31"))).contains("31");
        assertThatThrownBy(() -> tottori.narrow(Optional.of("13")))
                .isInstanceOfSatisfying(DashboardException.class, e -> assertThat(e.code()).isEqualTo("DASH-SCOPE-001"));
    }
}
