package jp.renkei.ingest.cli;

import java.nio.file.Path;
import java.util.Map;

/** The default {@code RENKEI_HOME} of the command-line programs, computed in one place. */
public final class RenkeiHome {
    /** Used when {@code RENKEI_HOME} is not set: {@code .renkei} in the working folder. */
    public static final String FALLBACK = ".renkei";

    private RenkeiHome() {
    }

    /** {@code RENKEI_HOME} from the process environment, else {@link #FALLBACK}. */
    public static Path fromEnvironment() {
        return from(System.getenv());
    }

    /** {@code RENKEI_HOME} from {@code environment}, else {@link #FALLBACK}. */
    public static Path from(Map<String, String> environment) {
        String home = environment.get("RENKEI_HOME");
        return Path.of(home == null || home.isBlank() ? FALLBACK : home);
    }
}
