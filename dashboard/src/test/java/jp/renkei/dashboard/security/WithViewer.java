package jp.renkei.dashboard.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Runs a MockMvc test as a signed-in dashboard account with the given role ({@value Viewer#FORMS}), as the users file
 * would give it; on a class it applies to every test that does not name its own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithViewer.Factory.class)
public @interface WithViewer {

    String value() default "ministry";

    final class Factory implements WithSecurityContextFactory<WithViewer> {
        @Override
        public SecurityContext createSecurityContext(WithViewer annotation) {
            Viewer viewer = Viewer.parse(annotation.value())
                    .orElseThrow(() -> new IllegalArgumentException("not a role: " + annotation.value()));
            DashboardUser user = new DashboardUser("test-" + viewer.role().prefix(), "{noop}unused", viewer);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            return context;
        }
    }
}
