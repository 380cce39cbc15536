package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.mart.MartFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signing in against the users file: form and session for pages, HTTP Basic for the API, no default role. */
@DashboardWebTest
class LoginTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws Exception {
        registry.add("renkei.home", () -> {
            try {
                MartFixture.publishMunicipalAdoption(home);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
            return home.toString();
        });
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void anAnonymousPageRequestIsSentToTheLogInPage() {
        assertThat(mvc.get().uri("/ranking").exchange()).hasStatus(302).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/").exchange()).hasStatus(302).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/ranking.csv?month=2026-10").exchange()).hasStatus(302);
    }

    @Test
    void theLogInPageIsJapaneseAndCarriesACsrfToken() throws Exception {
        MvcTestResult page = mvc.get().uri("/login").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("ユーザー名", "パスワード", "name=\"_csrf\"");
    }

    @Test
    void theRightPasswordOpensASessionWithTheAccountsRole() throws Exception {
        MvcTestResult login = mvc.post().uri("/login").param("username", "tottori")
                .param("password", "tottori" + TestUsers.SUFFIX).with(csrf()).exchange();
        assertThat(login).hasStatus(302).hasRedirectedUrl("/");
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        MvcTestResult page = mvc.get().uri("/ranking?month=2026-10").session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("tottori", "都道府県コード 31 のみ", "米子市").doesNotContain("テスト市");
        assertThat(mvc.get().uri("/ranking?month=2026-10&prefecture=13").session(session).exchange()).hasStatus(403);
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefused() {
        assertThat(mvc.post().uri("/login").param("username", "tottori").param("password", "wrong-password-123")
                .with(csrf()).exchange()).hasStatus(302).hasRedirectedUrl("/login?error");
        assertThat(mvc.post().uri("/login").param("username", "nobody").param("password", "nobody" + TestUsers.SUFFIX)
                .with(csrf()).exchange()).hasStatus(302).hasRedirectedUrl("/login?error");
    }

    @Test
    void aLogInWithoutTheCsrfTokenIsRefused() {
        assertThat(mvc.post().uri("/login").param("username", "tottori").param("password", "tottori" + TestUsers.SUFFIX)
                .exchange()).hasStatus(403);
    }

    @Test
    void theApiTakesHttpBasicAndAnswers401WithoutIt() throws Exception {
        assertThat(mvc.get().uri("/api/v1/municipal-adoption?month=2026-10")
                .with(httpBasic("yonago", "yonago" + TestUsers.SUFFIX)).exchange()).hasStatusOk();
        MvcTestResult wrong = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10")
                .with(httpBasic("yonago", "not-the-password")).exchange();
        assertThat(wrong).hasStatus(401).hasHeader("WWW-Authenticate", "Basic realm=\"renkei\", charset=\"UTF-8\"");
        MvcTestResult anonymous = mvc.get().uri("/api/v1/marts/municipal_adoption").exchange();
        assertThat(anonymous).hasStatus(401);
        assertThat(anonymous.getRequest().getSession(false)).as("no session for an API call").isNull();
        assertThat(anonymous.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("DASH-AUTH-001");
    }

    @Test
    void logOutEndsTheSession() throws Exception {
        MvcTestResult login = mvc.post().uri("/login").param("username", "analyst")
                .param("password", "analyst" + TestUsers.SUFFIX).with(csrf()).exchange();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        assertThat(mvc.post().uri("/logout").accept(MediaType.TEXT_HTML).session(session).with(csrf()).exchange())
                .hasStatus(302).hasRedirectedUrl("/login?logout");
        assertThat(mvc.get().uri("/ranking").session(session).exchange()).hasStatus(302)
                .hasRedirectedUrl("/login");
    }

    @Test
    void aForeignHostIsRefused() {
        assertThat(mvc.get().uri("http://attacker.example/login").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("http://127.0.0.1/login").exchange()).hasStatusOk();
    }
}
