package jp.renkei.dashboard.definitions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run manifest as analytics writes it (docs/analytics.md, step 6), with one landed and one never-landed dataset. */
final class FreshnessFixture {

    private FreshnessFixture() {
    }

    static void writeManifest(Path home, String runId) throws IOException {
        Path file = home.resolve("marts/_runs").resolve(runId + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {
                  "run_id" : "%s",
                  "published_at" : "2026-11-26T05:02:42Z",
                  "request" : { "from_month" : "latest", "to_month" : "latest" },
                  "months" : { "from" : "2023-11", "to" : "2026-10" },
                  "inputs" : {
                    "offices" : { "parts" : 47, "bytes" : 30123456, "latest_dt" : "2026-11-01",
                                  "latest_modified" : "2026-11-01T03:00:00Z" },
                    "card_checks" : { "parts" : 0, "bytes" : 0, "latest_dt" : null, "latest_modified" : null }
                  },
                  "marts" : { "municipal_adoption" : { "rows" : 125352 } }
                }
                """.formatted(runId), StandardCharsets.UTF_8);
    }
}
