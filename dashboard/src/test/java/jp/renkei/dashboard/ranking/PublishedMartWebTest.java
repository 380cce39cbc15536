package jp.renkei.dashboard.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.security.WithViewer;
import jp.renkei.dashboard.mart.MartFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The web slice over a real published municipal_adoption mart (DuckDB-written Parquet). The subclasses share one
 * RENKEI_HOME and therefore one Spring context; the tests only read it.
 */
@DashboardWebTest
@WithViewer
abstract class PublishedMartWebTest {
    static final Path HOME = publishedHome();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    private static Path publishedHome() {
        try {
            Path home = Files.createTempDirectory("renkei-dashboard-test-");
            MartFixture.publishMunicipalAdoption(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(home)));
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test mart", failure);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
