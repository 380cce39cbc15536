package jp.renkei.dashboard.system;

import java.nio.file.Path;
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

    /**
     * The role of a request without an {@code X-Renkei-Role} header: {@code ministry}, {@code prefecture:NN}, or
     * empty to require the header. The demo default is {@code ministry}.
     */
    private String defaultRole = "ministry";

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

    public String getDefaultRole() {
        return defaultRole;
    }

    public void setDefaultRole(String defaultRole) {
        this.defaultRole = defaultRole;
    }
}
