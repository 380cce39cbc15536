package jp.renkei.dashboard.mart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one door to the marts.
 *
 * <p>Connections: one in-process, in-memory DuckDB database lives as long as the app; each request gets its own
 * {@link DuckDBConnection#duplicate()} (cheap: same database instance, caches and settings, no re-open), and closes it.
 * A DuckDB connection must not be shared between threads, and opening a fresh database per request would cost more
 * and re-apply the settings every time.
 *
 * <p>Read-only: an in-memory database cannot be opened {@code read_only}; instead, file access is sandboxed at start
 * ({@code allowed_directories} = the marts folder, {@code enable_external_access=false}, configuration locked), the SQL
 * is constant text with bound parameters, and nothing here writes.
 *
 * <p>Staleness: {@code _CURRENT} is re-read on every {@link #current} call (one small file read), so a newly
 * published run is seen by the next request; a request resolves it once and reads only that run.
 */
@Component
public class MartReader implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(MartReader.class);
    /** Run ids look like {@code 20261126T050242Z-3f9c}; anything else (a path, "..") is refused. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private final Path martsRoot;
    private final DuckDBConnection database;

    public MartReader(DashboardProperties properties) throws SQLException {
        this.martsRoot = properties.getHome().toAbsolutePath().normalize().resolve("marts");
        this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement settings = database.createStatement()) {
            settings.execute("SET allowed_directories = ['" + sqlLiteral(martsRoot + "/") + "']");
            settings.execute("SET enable_external_access = false");
            settings.execute("SET lock_configuration = true");
        }
        LOG.info("Reading marts from {}", martsRoot);
    }

    /** The run {@code _CURRENT} names, or DASH-MART-001 (503) when the mart is not published or the run is gone. */
    public MartRun current(String mart) {
        Path martDir = martsRoot.resolve(mart);
        String runId;
        try {
            runId = Files.readString(martDir.resolve("_CURRENT"), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            LOG.warn("DASH-MART-001 no {}", martDir.resolve("_CURRENT"));
            throw DashboardException.martNotPublished(mart, "marts/" + mart + "/_CURRENT がありません");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + martDir.resolve("_CURRENT"), e);
        }
        if (!RUN_ID.matcher(runId).matches()) {
            LOG.warn("DASH-MART-001 {} holds an invalid run id", martDir.resolve("_CURRENT"));
            throw DashboardException.martNotPublished(mart, "marts/" + mart + "/_CURRENT の run id が不正です");
        }
        Path runDir = martDir.resolve("run=" + runId);
        if (!hasParquet(runDir)) {
            LOG.warn("DASH-MART-001 {} has no Parquet files", runDir);
            throw DashboardException.martNotPublished(mart, "marts/" + mart + "/run=" + runId + " に Parquet がありません");
        }
        return new MartRun(mart, runId, runDir.resolve("*.parquet").toString());
    }

    /**
     * The text of the run's manifest, {@code marts/_runs/<run id>.json} (docs/analytics.md), empty for a run published
     * without one. Read as a file, not through DuckDB: it is not a mart.
     */
    public Optional<String> runManifest(MartRun run) {
        Path file = martsRoot.resolve("_runs").resolve(run.runId() + ".json");
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** A connection for one request; the caller closes it (try-with-resources). */
    public Connection connect() throws SQLException {
        return database.duplicate();
    }

    @Override
    public void destroy() throws SQLException {
        database.close();
    }

    private static boolean hasParquet(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.parquet")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + runDir, e);
        }
    }

    private static String sqlLiteral(String text) {
        return text.replace("'", "''");
    }
}
