package jp.renkei.dashboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import jp.renkei.dashboard.system.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Refuses an account after {@code renkei.login-attempts} wrong passwords in a row, until
 * {@code renkei.login-lockout} has passed since the last of them, so that a password cannot be guessed by trying
 * (pages and HTTP Basic alike). A locked account is refused before its password is checked, which also spares the
 * bcrypt work. Counted per account name, known or not; a successful sign-in clears the count. Kept in memory: a
 * restart forgets it, which a guesser cannot trigger.
 */
@Component
class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    /** Bounds the memory a flood of invented names can take; the oldest counts go first. */
    private static final long NAMES_KEPT = 100_000;

    private final Cache<String, Integer> failures;
    private final int attempts;

    LoginThrottle(DashboardProperties properties) {
        this.attempts = properties.getLoginAttempts();
        this.failures = Caffeine.newBuilder().expireAfterWrite(properties.getLoginLockout()).maximumSize(NAMES_KEPT)
                .build();
    }

    boolean locked(String name) {
        Integer failed = failures.getIfPresent(key(name));
        return failed != null && failed >= attempts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = event.getAuthentication().getName();
        int failed = failures.asMap().merge(key(name), 1, Integer::sum);
        if (failed == attempts) {
            LOG.warn("DASH-AUTH-002 account {} locked after {} wrong passwords", name, failed);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.invalidate(key(event.getAuthentication().getName()));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
