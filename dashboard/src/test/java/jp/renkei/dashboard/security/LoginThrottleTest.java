package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.mart.MartFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Guessing passwords: after three wrong ones (set low here) the account is refused even with the right password, on
 * the log-in form and over HTTP Basic, until the lockout (one second here) has passed. Its own users file, so the
 * locked accounts are not the other tests' accounts.
 */
@DashboardWebTest
class LoginThrottleTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", () -> {
            try {
                MartFixture.publishMunicipalAdoption(home);
                TestUsers.writeInto(home);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
            return home.toString();
        });
        registry.add("renkei.users-file", () -> home.resolve("config/dashboard-users.json").toString());
        registry.add("renkei.login-attempts", () -> "3");
        registry.add("renkei.login-lockout", () -> "1s");
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void theFormRefusesAnAccountAfterRepeatedWrongPasswordsUntilTheLockoutPasses() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(logIn("tottori", "guess-" + attempt)).hasRedirectedUrl("/login?error");
        }

        assertThat(logIn("tottori", "tottori" + TestUsers.SUFFIX)).hasRedirectedUrl("/login?locked");
        assertThat(logIn("yonago", "yonago" + TestUsers.SUFFIX)).as("another account is not affected")
                .hasRedirectedUrl("/");

        await("the lockout to pass").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> "/".equals(logIn("tottori", "tottori" + TestUsers.SUFFIX).getResponse().getRedirectedUrl()));
    }

    @Test
    void theApiSaysTheAccountIsLockedAndASuccessClearsTheCount() throws Exception {
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(api("analyst", "guess-" + attempt)).hasStatus(401);
        }
        assertThat(api("analyst", "analyst" + TestUsers.SUFFIX)).as("below the limit, and it clears the count")
                .hasStatusOk();
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(api("analyst", "guess-" + attempt)).hasStatus(401);
        }
        assertThat(api("analyst", "analyst" + TestUsers.SUFFIX)).hasStatusOk();

        for (int attempt = 1; attempt <= 3; attempt++) {
            api("analyst", "guess-" + attempt);
        }
        MvcTestResult locked = api("analyst", "analyst" + TestUsers.SUFFIX);
        assertThat(locked).hasStatus(401);
        assertThat(locked.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("DASH-AUTH-002");
    }

    @Test
    void theLogInPageExplainsTheLock() throws Exception {
        MvcTestResult page = mvc.get().uri("/login?locked").exchange();

        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("パスワードの誤りが続いたため、このアカウントは一時的にログインできません");
    }

    private MvcTestResult logIn(String name, String password) {
        return mvc.post().uri("/login").param("username", name).param("password", password).with(csrf()).exchange();
    }

    private MvcTestResult api(String name, String password) {
        return mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").with(httpBasic(name, password))
                .exchange();
    }
}
