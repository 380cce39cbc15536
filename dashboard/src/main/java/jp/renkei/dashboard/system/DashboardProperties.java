package jp.renkei.dashboard.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.DenominatorScope;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every dashboard setting with its default ({@code renkei.*}). Bound from application.properties, the environment
 * and the command line ({@code --renkei.home=...}).
 */
@ConfigurationProperties(prefix = "renkei")
public class DashboardProperties {

    /** Fallback for {@link #home} when the environment variable {@code RENKEI_HOME} is not set. */
    public static final String FALLBACK_HOME = "./.renkei";

    /** The renkei home; marts are read from {@code <home>/marts}. Default: {@code $RENKEI_HOME}, else {@code ./.renkei}. */
    private Path home = defaultHome(System.getenv());

    /** The 申請率 denominator shown when a request names none. */
    private DenominatorScope defaultScope = DenominatorScope.ALL_IN_SCOPE;

    /** The users file (accounts, password hashes, roles). Default: {@code <home>/config/dashboard-users.json}. */
    private Path usersFile;

    /**
     * The host names the dashboard answers to (the request's Host header); any other is refused with 400, against DNS
     * rebinding. Add the public name when serving behind a proxy.
     */
    private List<String> allowedHosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "[::1]"));

    /**
     * How many mart rows the dashboard keeps in memory as computed answers (a chart counts its kilobytes), per run,
     * query and scope; 0 turns the cache off.
     */
    private long cacheRows = 200_000;

    /** Wrong passwords in a row after which an account is refused for {@link #loginLockout}. */
    private int loginAttempts = 5;

    /** How long a locked account stays refused, counted from its last wrong password. */
    private Duration loginLockout = Duration.ofMinutes(15);

    /** The OIDC claim that holds an account's renkei role ({@code ministry}, {@code prefecture:31}, …). */
    private String oidcRoleClaim = "renkei_role";

    static Path defaultHome(Map<String, String> environment) {
        String fromEnvironment = environment.get("RENKEI_HOME");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? FALLBACK_HOME : fromEnvironment);
    }

    public Path getHome() {
        return home;
    }

    public void setHome(Path home) {
        this.home = home;
    }

    public DenominatorScope getDefaultScope() {
        return defaultScope;
    }

    public void setDefaultScope(DenominatorScope defaultScope) {
        this.defaultScope = defaultScope;
    }

    public Path getUsersFile() {
        return usersFile;
    }

    public void setUsersFile(Path usersFile) {
        this.usersFile = usersFile;
    }

    /** {@link #getUsersFile()} if set, else {@code <home>/config/dashboard-users.json}. */
    public Path usersFile() {
        return usersFile != null ? usersFile : home.resolve("config").resolve("dashboard-users.json");
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public long getCacheRows() {
        return cacheRows;
    }

    public void setCacheRows(long cacheRows) {
        this.cacheRows = cacheRows;
    }

    public int getLoginAttempts() {
        return loginAttempts;
    }

    public void setLoginAttempts(int loginAttempts) {
        this.loginAttempts = loginAttempts;
    }

    public Duration getLoginLockout() {
        return loginLockout;
    }

    public void setLoginLockout(Duration loginLockout) {
        this.loginLockout = loginLockout;
    }

    public String getOidcRoleClaim() {
        return oidcRoleClaim;
    }

    public void setOidcRoleClaim(String oidcRoleClaim) {
        this.oidcRoleClaim = oidcRoleClaim;
    }
}
