package jp.renkei.dashboard.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** An account signed in through the organisation's identity provider (OIDC), with the renkei role its claim grants. */
final class OidcAccount extends DefaultOidcUser implements SignedInAccount {

    private final Viewer viewer;

    OidcAccount(OidcIdToken idToken, OidcUserInfo userInfo, Viewer viewer, String nameClaim) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())), idToken, userInfo, nameClaim);
        this.viewer = viewer;
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OidcAccount account && super.equals(account) && viewer.equals(account.viewer);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
