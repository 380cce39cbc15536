package jp.renkei.analytics.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jp.renkei.analytics.SparkTestSession;
import jp.renkei.analytics.io.InputWatermark;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.LandingDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a run may build on the published one: only events (exchanges, schedule lines, card checks) added, each part
 * newer than what the published run read; anything else recomputes every month, saying why.
 */
class IncrementalBaseTest {
    private static final Instant BASE_NEWEST = Instant.parse("2024-03-01T01:00:00Z");

    @TempDir
    Path landingRoot;

    private LandingReader landing;
    private Map<LandingDataset, InputWatermark> read;

    @BeforeEach
    void publishedRunRead() throws IOException {
        landing = new LandingReader(SparkTestSession.spark(), landingRoot);
        read = new EnumMap<>(LandingDataset.class);
        for (LandingDataset dataset : LandingDataset.values()) {
            read.put(dataset, InputWatermark.NEVER_LANDED);
        }
        read.put(LandingDataset.OFFICES, part(LandingDataset.OFFICES, "a", BASE_NEWEST));
        read.put(LandingDataset.EXCHANGES, part(LandingDataset.EXCHANGES, "a", BASE_NEWEST));
        read.put(LandingDataset.SCHEDULE_LINES, part(LandingDataset.SCHEDULE_LINES, "a", BASE_NEWEST));
    }

    @Test
    void onlyNewerEventPartsBuildOnThePublishedRun() throws IOException {
        Map<LandingDataset, InputWatermark> now = new EnumMap<>(read);
        now.put(LandingDataset.EXCHANGES, part(LandingDataset.EXCHANGES, "b", BASE_NEWEST.plusSeconds(60)));
        now.put(LandingDataset.SCHEDULE_LINES, part(LandingDataset.SCHEDULE_LINES, "b", BASE_NEWEST.plusSeconds(60)));

        IncrementalBase.Decision decision = IncrementalBase.decide(Optional.of(base()), request("latest"), now, landing);

        assertThat(decision.base()).hasValueSatisfying(base -> {
            assertThat(base.base().runId()).isEqualTo("20240301T010000Z-0a0a");
            assertThat(base.exchangesAfter()).isEqualTo(BASE_NEWEST);
        });
    }

    @Test
    void referenceDataThatChangedRecomputesEveryMonth() throws IOException {
        Map<LandingDataset, InputWatermark> now = new EnumMap<>(read);
        now.put(LandingDataset.OFFICES, part(LandingDataset.OFFICES, "b", BASE_NEWEST.plusSeconds(60)));

        assertThat(IncrementalBase.decide(Optional.of(base()), request("latest"), now, landing).reason())
                .isEqualTo("offices changed since run 20240301T010000Z-0a0a: reference data can move every month");
    }

    @Test
    void aPartOlderThanThePublishedRunsNewestRecomputesEveryMonth() throws IOException {
        Map<LandingDataset, InputWatermark> now = new EnumMap<>(read);
        // written before the run listed the folder, renamed into place after it: the run never read it
        now.put(LandingDataset.EXCHANGES, part(LandingDataset.EXCHANGES, "b", BASE_NEWEST.minusSeconds(60)));

        IncrementalBase.Decision decision = IncrementalBase.decide(Optional.of(base()), request("latest"), now, landing);

        assertThat(decision.base()).isEmpty();
        assertThat(decision.reason()).contains("exchanges has a part older than run 20240301T010000Z-0a0a's newest");
    }

    @Test
    void scheduleLinesWithoutExchangesOrAnotherRequestOrNoRunRecomputeEveryMonth() throws IOException {
        Map<LandingDataset, InputWatermark> linesOnly = new EnumMap<>(read);
        linesOnly.put(LandingDataset.SCHEDULE_LINES, part(LandingDataset.SCHEDULE_LINES, "b", BASE_NEWEST.plusSeconds(60)));

        assertThat(IncrementalBase.decide(Optional.of(base()), request("latest"), linesOnly, landing).reason())
                .startsWith("schedule lines landed without exchanges");
        assertThat(IncrementalBase.decide(Optional.of(base()), request("2024-02"), read, landing).reason())
                .startsWith("the request differs from run 20240301T010000Z-0a0a's");
        assertThat(IncrementalBase.decide(Optional.empty(), request("latest"), read, landing).reason())
                .isEqualTo("no published run with a manifest to build on");
    }

    private RunManifest base() {
        return RunManifest.of("20240301T010000Z-0a0a", BASE_NEWEST, request("latest"), YearMonth.of(2024, 1),
                YearMonth.of(2024, 2), read, Map.of());
    }

    private static ObjectNode request(String toMonth) {
        ObjectNode request = RunManifest.newRequest();
        request.put("from_month", "2024-01");
        request.put("to_month", toMonth);
        return request;
    }

    /** Writes one more part of the dataset, modified at {@code at}, and returns the dataset's watermark after it. */
    private InputWatermark part(LandingDataset dataset, String name, Instant at) throws IOException {
        Path datasetFolder = landingRoot.resolve(dataset.directoryName());
        if (dataset.monthColumn().isPresent()) {
            datasetFolder = datasetFolder.resolve("month=2024-02");
        }
        Path partition = Files.createDirectories(datasetFolder.resolve("dt=2024-03-01"));
        Path part = Files.writeString(partition.resolve("part-" + name + ".csv"), String.join(",", dataset.columns()) + "\n");
        Files.setLastModifiedTime(part, FileTime.from(at));
        return landing.watermark(dataset);
    }
}
