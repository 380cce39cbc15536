package jp.renkei.relay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import jp.renkei.relay.cardcheck.CardCheckConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayConfigTest {
    private static final Path HOME = Path.of("/srv/renkei");

    @Test
    void everySettingHasItsDocumentedDefault() {
        assertThat(RelayConfig.DEFAULT_BIND_ADDRESS).isEqualTo("127.0.0.1");
        assertThat(RelayConfig.DEFAULT_PORT).isEqualTo(8443);
        assertThat(RelayConfig.DEFAULT_MAXIMUM_FILE_BYTES).isEqualTo(16_777_216L);
        assertThat(RelayConfig.DEFAULT_JOURNAL_QUEUE_CAPACITY).isEqualTo(4_096);
        assertThat(RelayConfig.DEFAULT_JOURNAL_MAXIMUM_BATCH).isEqualTo(64);
        assertThat(RelayConfig.DEFAULT_HANDLER_THREADS).isEqualTo(64);
        assertThat(RelayConfig.DEFAULT_LANDING_FLUSH_INTERVAL_MILLIS).isEqualTo(5_000L);
        assertThat(RelayConfig.DEFAULT_LANDING_FLUSH_ROWS).isEqualTo(200_000);
        assertThat(RelayConfig.DEFAULT_OFFICE_UPLOADS_PER_SECOND).isEqualTo(50);
        assertThat(RelayConfig.DEFAULT_OFFICE_UPLOAD_BURST).isEqualTo(500);
        assertThat(RelayConfig.DEFAULT_JOURNAL_SEGMENT_BYTES).isEqualTo(268_435_456L);
        assertThat(RelayConfig.DEFAULT_RETENTION_DAYS).isEqualTo(45);
        assertThat(RelayConfig.DEFAULT_UPLOAD_MEMORY_BYTES).as("0: half the heap").isZero();
        assertThat(RelayConfig.DEFAULT_OFFICE_UPLOADS_IN_FLIGHT).isEqualTo(8);
        assertThat(RelayConfig.DEFAULT_OFFICE_BYTES_PER_DAY).isEqualTo(268_435_456L);
        assertThat(CardCheckConfig.DEFAULT_CHALLENGE_VALIDITY).isEqualTo(Duration.ofSeconds(60));
        assertThat(CardCheckConfig.DEFAULT_CHALLENGE_CAPACITY).isEqualTo(10_000);
        assertThat(CardCheckConfig.DEFAULT_REGISTRY_ATTEMPTS).isEqualTo(3);
        assertThat(CardCheckConfig.DEFAULT_REGISTRY_BACK_OFF).isEqualTo(Duration.ofMillis(50));

        assertThat(RelayConfig.load(HOME, new Properties(), Map.of())).isEqualTo(new RelayConfig(
                Path.of("/srv/renkei/relay"),
                Path.of("/srv/renkei/landing"),
                Path.of("/srv/renkei/secrets"),
                Path.of("/srv/renkei/relay/registry/applications.csv"),
                "127.0.0.1",
                8443,
                16_777_216L,
                4_096,
                64,
                64,
                5_000L,
                200_000,
                50,
                500,
                268_435_456L,
                45,
                8,
                268_435_456L,
                0L,
                new CardCheckConfig(
                        Path.of("/srv/renkei/relay/card-issuers"),
                        Path.of("/srv/renkei/relay/eligibility"),
                        Duration.ofSeconds(60),
                        10_000,
                        3,
                        Duration.ofMillis(50))));
    }

    @Test
    void everyPropertyMapsToItsSetting() {
        Properties properties = new Properties();
        properties.setProperty("relay.home", "/data/relay");
        properties.setProperty("relay.landing", "/data/landing");
        properties.setProperty("relay.secrets", "/etc/renkei/secrets");
        properties.setProperty("relay.registry", "/data/roster.csv");
        properties.setProperty("relay.bind-address", " 0.0.0.0 ");
        properties.setProperty("relay.port", "9443");
        properties.setProperty("relay.maximum-file-bytes", "1_048_576");
        properties.setProperty("relay.journal.queue-capacity", "128");
        properties.setProperty("relay.journal.maximum-batch", "8");
        properties.setProperty("relay.handler-threads", "4");
        properties.setProperty("relay.landing.flush-interval-millis", "250");
        properties.setProperty("relay.landing.flush-rows", "1000");
        properties.setProperty("relay.office-uploads-per-second", "0");
        properties.setProperty("relay.office-upload-burst", "20");
        properties.setProperty("relay.journal.segment-bytes", "1_000_000");
        properties.setProperty("relay.retention-days", "7");
        properties.setProperty("relay.upload-memory-bytes", "100_000_000");
        properties.setProperty("relay.office-uploads-in-flight", "3");
        properties.setProperty("relay.office-bytes-per-day", "1_000");
        properties.setProperty("relay.card-check.issuers", "/etc/renkei/card-issuers");
        properties.setProperty("relay.card-check.eligibility", "/data/eligibility");
        properties.setProperty("relay.card-check.challenge-validity-seconds", "30");
        properties.setProperty("relay.card-check.challenge-capacity", "500");
        properties.setProperty("relay.card-check.registry-attempts", "5");
        properties.setProperty("relay.card-check.registry-back-off-millis", "10");

        assertThat(RelayConfig.load(HOME, properties, Map.of())).isEqualTo(new RelayConfig(
                Path.of("/data/relay"),
                Path.of("/data/landing"),
                Path.of("/etc/renkei/secrets"),
                Path.of("/data/roster.csv"),
                "0.0.0.0",
                9443,
                1_048_576L,
                128,
                8,
                4,
                250L,
                1_000,
                0,
                20,
                1_000_000L,
                7,
                3,
                1_000L,
                100_000_000L,
                new CardCheckConfig(
                        Path.of("/etc/renkei/card-issuers"),
                        Path.of("/data/eligibility"),
                        Duration.ofSeconds(30),
                        500,
                        5,
                        Duration.ofMillis(10))));
    }

    @Test
    void theRegistryRosterFollowsAMovedRelayHome() {
        Properties properties = new Properties();
        properties.setProperty("relay.home", "/data/relay");

        assertThat(RelayConfig.load(HOME, properties, Map.of()).registryRoster())
                .isEqualTo(Path.of("/data/relay/registry/applications.csv"));
    }

    @Test
    void theCardCheckFoldersFollowAMovedRelayHome() {
        Properties properties = new Properties();
        properties.setProperty("relay.home", "/data/relay");

        CardCheckConfig cardCheck = RelayConfig.load(HOME, properties, Map.of()).cardCheck();

        assertThat(cardCheck.issuersFolder()).isEqualTo(Path.of("/data/relay/card-issuers"));
        assertThat(cardCheck.eligibilityFolder()).isEqualTo(Path.of("/data/relay/eligibility"));
        assertThat(cardCheck.revocationList()).isEqualTo(Path.of("/data/relay/eligibility/revoked-serials.txt"));
    }

    @Test
    void blankValuesMeanTheDefault() {
        Properties properties = new Properties();
        properties.setProperty("relay.port", " ");
        properties.setProperty("relay.bind-address", "");
        properties.setProperty("relay.landing", "");

        RelayConfig config = RelayConfig.load(HOME, properties, Map.of());

        assertThat(config.port()).isEqualTo(RelayConfig.DEFAULT_PORT);
        assertThat(config.bindAddress()).isEqualTo(RelayConfig.DEFAULT_BIND_ADDRESS);
        assertThat(config.landingRoot()).isEqualTo(HOME.resolve("landing"));
    }

    @Test
    void anEnvironmentVariableWinsOverItsProperty() {
        Properties properties = new Properties();
        properties.setProperty("relay.home", "/from/properties/relay");
        properties.setProperty("relay.port", "9443");
        properties.setProperty("relay.maximum-file-bytes", "1000");
        properties.setProperty("relay.handler-threads", "4");
        Map<String, String> environment = Map.ofEntries(
                Map.entry("RENKEI_RELAY_HOME", "/from/environment/relay"),
                Map.entry("RENKEI_RELAY_LANDING", "/from/environment/landing"),
                Map.entry("RENKEI_RELAY_SECRETS", "/from/environment/secrets"),
                Map.entry("RENKEI_RELAY_REGISTRY", "/from/environment/roster.csv"),
                Map.entry("RENKEI_RELAY_BIND_ADDRESS", "192.0.2.10"),
                Map.entry("RENKEI_RELAY_PORT", "10443"),
                Map.entry("RENKEI_RELAY_MAXIMUM_FILE_BYTES", "2000"),
                Map.entry("RENKEI_RELAY_JOURNAL_QUEUE_CAPACITY", "256"),
                Map.entry("RENKEI_RELAY_JOURNAL_MAXIMUM_BATCH", "32"),
                Map.entry("RENKEI_RELAY_HANDLER_THREADS", "2"),
                Map.entry("RENKEI_RELAY_LANDING_FLUSH_INTERVAL_MILLIS", "100"),
                Map.entry("RENKEI_RELAY_LANDING_FLUSH_ROWS", "50"),
                Map.entry("RENKEI_RELAY_OFFICE_UPLOADS_PER_SECOND", "3"),
                Map.entry("RENKEI_RELAY_OFFICE_UPLOAD_BURST", "9"),
                Map.entry("RENKEI_RELAY_JOURNAL_SEGMENT_BYTES", "4096"),
                Map.entry("RENKEI_RELAY_RETENTION_DAYS", "90"),
                Map.entry("RENKEI_RELAY_UPLOAD_MEMORY_BYTES", "50000000"),
                Map.entry("RENKEI_RELAY_OFFICE_UPLOADS_IN_FLIGHT", "0"),
                Map.entry("RENKEI_RELAY_OFFICE_BYTES_PER_DAY", "0"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_ISSUERS", "/from/environment/issuers"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_ELIGIBILITY", "/from/environment/eligibility"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_CHALLENGE_VALIDITY_SECONDS", "90"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_CHALLENGE_CAPACITY", "7"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_REGISTRY_ATTEMPTS", "2"),
                Map.entry("RENKEI_RELAY_CARD_CHECK_REGISTRY_BACK_OFF_MILLIS", "1"));

        assertThat(RelayConfig.load(HOME, properties, environment)).isEqualTo(new RelayConfig(
                Path.of("/from/environment/relay"),
                Path.of("/from/environment/landing"),
                Path.of("/from/environment/secrets"),
                Path.of("/from/environment/roster.csv"),
                "192.0.2.10",
                10443,
                2_000L,
                256,
                32,
                2,
                100L,
                50,
                3,
                9,
                4_096L,
                90,
                0,
                0L,
                50_000_000L,
                new CardCheckConfig(
                        Path.of("/from/environment/issuers"),
                        Path.of("/from/environment/eligibility"),
                        Duration.ofSeconds(90),
                        7,
                        2,
                        Duration.ofMillis(1))));
    }

    @Test
    void withPortChangesOnlyThePort() {
        RelayConfig config = RelayConfig.load(HOME, new Properties(), Map.of());

        RelayConfig ephemeral = config.withPort(0);

        assertThat(ephemeral.port()).isZero();
        assertThat(ephemeral).usingRecursiveComparison().ignoringFields("port").isEqualTo(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay.port", "relay.maximum-file-bytes", "relay.journal.queue-capacity",
        "relay.journal.maximum-batch", "relay.handler-threads", "relay.landing.flush-interval-millis",
        "relay.landing.flush-rows", "relay.card-check.challenge-validity-seconds",
        "relay.card-check.challenge-capacity", "relay.card-check.registry-attempts",
        "relay.card-check.registry-back-off-millis"})
    void aSettingThatIsNotAWholeNumberIsRefusedByName(String key) {
        Properties properties = new Properties();
        properties.setProperty(key, "12 MB");

        assertThatThrownBy(() -> RelayConfig.load(HOME, properties, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("'12 MB'");
    }

    @Test
    void aBadNumberFromTheEnvironmentNamesItsSetting() {
        assertThatThrownBy(() -> RelayConfig.load(HOME, new Properties(), Map.of("RENKEI_RELAY_PORT", "https")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relay.port")
                .hasMessageContaining("'https'");
    }

    @Test
    void aWholeNumberTooLargeForItsSettingIsRefusedRatherThanWrapped() {
        Properties properties = new Properties();
        properties.setProperty("relay.port", "4294967297");

        assertThatThrownBy(() -> RelayConfig.load(HOME, properties, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relay.port")
                .hasMessageContaining("4294967297");
    }

    @Test
    void aFileLimitLargerThanAJournalRecordCanHoldIsRefused() {
        Properties properties = new Properties();
        properties.setProperty("relay.maximum-file-bytes", Long.toString(RelayConfig.LARGEST_MAXIMUM_FILE_BYTES + 1));

        assertThatThrownBy(() -> RelayConfig.load(HOME, properties, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relay.maximum-file-bytes");
    }
}
