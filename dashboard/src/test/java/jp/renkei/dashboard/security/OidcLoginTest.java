package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import jp.renkei.dashboard.mart.MartFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * OIDC log-in configured the way a deployment would, through Spring's own properties (an identity provider with
 * explicit endpoints: no network). The flow up to the provider is real; the provider's answer is simulated with
 * spring-security-test's {@code oidcLogin()}, as no identity provider runs here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestUsers.Initializer.class)
class OidcLoginTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", () -> {
            try {
                MartFixture.publishMunicipalAdoption(home);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
            return home.toString();
        });
        String registration = "spring.security.oauth2.client.registration.city-idp.";
        registry.add(registration + "client-id", () -> "renkei");
        registry.add(registration + "client-secret", () -> "not-a-real-secret");
        registry.add(registration + "client-name", () -> "テスト県の職員アカウント");
        registry.add(registration + "scope", () -> "openid,profile");
        registry.add(registration + "provider", () -> "city");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.city.";
        registry.add(provider + "authorization-uri", () -> "https://idp.example.jp/auth");
        registry.add(provider + "token-uri", () -> "https://idp.example.jp/token");
        registry.add(provider + "jwk-set-uri", () -> "https://idp.example.jp/jwks");
        registry.add(provider + "user-name-attribute", () -> "sub");
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void theLogInPageOffersTheIdentityProviderBesideTheForm() throws Exception {
        String page = mvc.get().uri("/login").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("テスト県の職員アカウント でログイン", "href=\"/oauth2/authorization/city-idp\"",
                "name=\"username\"");
    }

    @Test
    void choosingItSendsTheBrowserToTheProviderWithStateAndNonce() {
        MvcTestResult start = mvc.get().uri("/oauth2/authorization/city-idp").exchange();

        assertThat(start).hasStatus3xxRedirection();
        assertThat(start.getResponse().getRedirectedUrl()).startsWith("https://idp.example.jp/auth?response_type=code")
                .contains("client_id=renkei", "scope=openid%20profile", "state=", "nonce=",
                        "redirect_uri=http://localhost/login/oauth2/code/city-idp");
    }

    @Test
    void anOidcAccountIsScopedByItsRoleClaimLikeAnyOther() {
        Instant now = Instant.now();
        OidcAccount tottori = new OidcAccount(new OidcIdToken("id-token", now, now.plusSeconds(300),
                Map.of("sub", "user-1", "renkei_role", "prefecture:31")), null, Viewer.prefecture("31"), "sub");

        assertThat(mvc.get().uri("/ranking?month=2026-10").with(oidcLogin().oidcUser(tottori)).exchange())
                .hasStatusOk();
        assertThat(mvc.get().uri("/ranking?month=2026-10&prefecture=13").with(oidcLogin().oidcUser(tottori))
                .exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").with(oidcLogin().oidcUser(tottori))
                .exchange().getResponse().getContentAsByteArray()).asString(StandardCharsets.UTF_8)
                .contains("\"prefecture_code\":\"31\"").doesNotContain("\"prefecture_code\":\"13\"");
    }

    @Test
    void aProviderAccountWithoutARoleIsToldWhy() throws Exception {
        assertThat(mvc.get().uri("/login?norole").exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("renkei のロールが割り当てられていません（DASH-AUTH-003）");
    }
}
