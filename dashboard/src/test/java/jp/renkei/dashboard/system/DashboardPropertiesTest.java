package jp.renkei.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import jp.renkei.dashboard.mart.DenominatorScope;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DashboardPropertiesTest {

    @Test
    void defaultsAreWrittenDown() {
        DashboardProperties properties = new DashboardProperties();

        assertThat(properties.getHome()).isEqualTo(DashboardProperties.defaultHome(System.getenv()));
        assertThat(properties.getDefaultScope()).isEqualTo(DenominatorScope.ALL_IN_SCOPE);
        assertThat(properties.getUsersFile()).isNull();
        assertThat(properties.usersFile()).isEqualTo(properties.getHome().resolve("config/dashboard-users.json"));
        assertThat(properties.getAllowedHosts()).containsExactly("localhost", "127.0.0.1", "[::1]");
        assertThat(properties.getCacheRows()).isEqualTo(200_000);
        assertThat(properties.getLoginAttempts()).isEqualTo(5);
        assertThat(properties.getLoginLockout()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(properties.getOidcRoleClaim()).isEqualTo("renkei_role");
    }

    @Test
    void homeDefaultsToRenkeiHomeFromTheEnvironmentElseDotRenkei() {
        assertThat(DashboardProperties.defaultHome(Map.of("RENKEI_HOME", "/srv/renkei"))).isEqualTo(Path.of("/srv/renkei"));
        assertThat(DashboardProperties.defaultHome(Map.of("RENKEI_HOME", " "))).isEqualTo(Path.of("./.renkei"));
        assertThat(DashboardProperties.defaultHome(Map.of())).isEqualTo(Path.of("./.renkei"));
    }

    @Test
    void everyPropertyMaps() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "renkei.home", "/data/renkei",
                "renkei.default-scope", "care_management_only",
                "renkei.users-file", "/etc/renkei/users.json",
                "renkei.allowed-hosts", "renkei.example.jp,localhost",
                "renkei.cache-rows", "5000",
                "renkei.login-attempts", "8",
                "renkei.login-lockout", "30m",
                "renkei.oidc-role-claim", "groups"));

        DashboardProperties properties = new Binder(source)
                .bind("renkei", Bindable.ofInstance(new DashboardProperties())).get();

        assertThat(properties.getHome()).isEqualTo(Path.of("/data/renkei"));
        assertThat(properties.getDefaultScope()).isEqualTo(DenominatorScope.CARE_MANAGEMENT_ONLY);
        assertThat(properties.usersFile()).isEqualTo(Path.of("/etc/renkei/users.json"));
        assertThat(properties.getAllowedHosts()).containsExactly("renkei.example.jp", "localhost");
        assertThat(properties.getCacheRows()).isEqualTo(5000);
        assertThat(properties.getLoginAttempts()).isEqualTo(8);
        assertThat(properties.getLoginLockout()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(properties.getOidcRoleClaim()).isEqualTo("groups");
    }
}
