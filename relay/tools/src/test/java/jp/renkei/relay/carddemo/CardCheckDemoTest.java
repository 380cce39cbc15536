package jp.renkei.relay.carddemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCheckDemoTest {
    /** 鳥取市 (312011) starts in 2026-11, 米子市 (312029) in 2027-01; 倉吉市 (312037) has announced no date. */
    private static final String ROLLOUT = "市町村コード,開始年月\r\n312011,2026-11\r\n312029,2027-01\r\n";
    private static final String ROSTER_HEADER = "事業所番号,サービス種類コード,申請日,利用開始日,利用終了日,プラン\r\n";

    @TempDir
    Path folder;

    @Test
    void onlyCareManagementOfficesOfStartedMunicipalitiesCheckCards() throws IOException {
        // A demo office number carries its municipality in digits 4–6 (CardCheckDemo.insurerOf).
        Path roster = write("applications.csv", ROSTER_HEADER
                + "3112010018,43,2025-06-02,2025-07-01,,有償\r\n"    // 鳥取市, 居宅介護支援
                + "3112010026,11,2025-06-02,2025-07-01,,有償\r\n"    // 鳥取市, 訪問介護: checks no cards
                + "3112020016,43,2025-06-02,2025-07-01,,有償\r\n"    // 米子市, starts 2027-01
                + "3112030014,43,2025-06-02,2025-07-01,,有償\r\n");  // 倉吉市, no start announced
        Path rollout = write("card_rollout.csv", ROLLOUT);

        assertThat(CardCheckDemo.checkingOffices(roster, Optional.of(rollout), YearMonth.of(2026, 12)))
                .containsExactly("3112010018");
        assertThat(CardCheckDemo.checkingOffices(roster, Optional.of(rollout), YearMonth.of(2027, 1)))
                .containsExactly("3112010018", "3112020016");
        assertThat(CardCheckDemo.checkingOffices(roster, Optional.of(rollout), YearMonth.of(2026, 10))).isEmpty();
        assertThat(CardCheckDemo.checkingOffices(roster, Optional.empty(), YearMonth.of(2026, 10)))
                .containsExactly("3112010018", "3112020016", "3112030014");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
