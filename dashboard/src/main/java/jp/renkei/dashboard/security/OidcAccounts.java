package jp.renkei.dashboard.security;

import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.system.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a user the identity provider vouched for into a renkei account. The role comes from one claim
 * ({@code renkei.oidc-role-claim}, default {@code renkei_role}) in the form of the users file's roles:
 * {@code ministry}, {@code prefecture:31}, {@code municipality:312029}, {@code office:3110000001}. No claim or an
 * unreadable one refuses the log-in (DASH-AUTH-003): an account never gets a role renkei guessed.
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ROLE = "DASH-AUTH-003";
    private static final Logger LOG = LoggerFactory.getLogger(OidcAccounts.class);

    private final OidcUserService provider = new OidcUserService();
    private final String roleClaim;

    OidcAccounts(DashboardProperties properties) {
        this.roleClaim = properties.getOidcRoleClaim();
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Viewer viewer = viewerOf(user.getClaims(), roleClaim).orElseThrow(() -> {
            LOG.warn("DASH-AUTH-003 {} signed in at {} without a usable {} claim", user.getSubject(),
                    request.getClientRegistration().getRegistrationId(), roleClaim);
            return new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                    "the identity provider gave no renkei role (claim " + roleClaim + ")", null));
        });
        String name = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
        return new OidcAccount(user.getIdToken(), user.getUserInfo(), viewer, name);
    }

    /** The role a claim grants, empty when the claim is missing or not one of the roles. */
    static Optional<Viewer> viewerOf(Map<String, Object> claims, String roleClaim) {
        Object role = claims.get(roleClaim);
        return role instanceof String text ? Viewer.parse(text.strip()) : Optional.empty();
    }
}
