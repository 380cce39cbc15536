package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jp.renkei.dashboard.system.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The role an identity provider's ID token grants, through Spring Security's own OIDC user service (no user-info call). */
class OidcAccountsTest {

    private final OidcAccounts accounts = new OidcAccounts(new DashboardProperties());

    @Test
    void theRoleClaimBecomesTheAccountsScope() {
        OidcUser user = accounts.loadUser(request(Map.of("renkei_role", "prefecture:31",
                "preferred_username", "tottori-analyst")));

        assertThat(user).isInstanceOf(OidcAccount.class);
        assertThat(((OidcAccount) user).viewer()).isEqualTo(Viewer.prefecture("31"));
        assertThat(user.getName()).isEqualTo("tottori-analyst");
        assertThat(user.getAuthorities()).extracting(Object::toString).contains("ROLE_PREFECTURE");
    }

    @Test
    void withoutAUsableRoleTheLogInIsRefused() {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(Map.of(),
                Map.of("renkei_role", "prefecture:99"), Map.of("renkei_role", "admin"), Map.of("renkei_role", 31))) {
            assertThatThrownBy(() -> accounts.loadUser(request(claims))).as(claims.toString())
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .satisfies(failure -> assertThat(((OAuth2AuthenticationException) failure).getError().getErrorCode())
                            .isEqualTo(OidcAccounts.NO_ROLE));
        }
    }

    @Test
    void theClaimsNameIsASetting() {
        DashboardProperties properties = new DashboardProperties();
        properties.setOidcRoleClaim("groups_renkei");

        OidcUser user = new OidcAccounts(properties).loadUser(request(Map.of("groups_renkei", "ministry")));

        assertThat(((OidcAccount) user).viewer()).isEqualTo(Viewer.ministry());
        assertThat(user.getName()).isEqualTo("user-1");
    }

    private static OidcUserRequest request(Map<String, Object> extraClaims) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("city-idp").clientId("renkei")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
                .authorizationUri("https://idp.example.jp/auth").tokenUri("https://idp.example.jp/token")
                .jwkSetUri("https://idp.example.jp/jwks").userNameAttributeName("sub").build();
        Instant now = Instant.now();
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "user-1", "iss", "https://idp.example.jp",
                "aud", java.util.List.of("renkei")));
        claims.putAll(extraClaims);
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(300), claims);
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
                now.plusSeconds(300), java.util.Set.of("openid"));
        return new OidcUserRequest(registration, accessToken, idToken);
    }
}
