package jp.renkei.dashboard.definitions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.mart.MartReader;
import jp.renkei.dashboard.mart.MartRun;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the freshness log from the manifest of the run {@code municipal_adoption}'s {@code _CURRENT} names: one
 * publish moves every mart's {@code _CURRENT} to the same run, so its manifest describes what every page shows.
 */
@Component
class DataFreshnessLookup {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MartReader marts;

    DataFreshnessLookup(MartReader marts) {
        this.marts = marts;
    }

    /** Empty when no run is published yet. */
    Optional<DataFreshness> current() {
        MartRun run;
        try {
            run = marts.current(Mart.MUNICIPAL_ADOPTION.folder());
        } catch (DashboardException notPublished) {
            return Optional.empty();
        }
        try {
            return Optional.of(marts.runManifest(run).map(text -> parse(run.runId(), text))
                    .orElseGet(() -> DataFreshness.withoutManifest(run.runId())));
        } catch (JacksonException | DateTimeParseException unreadable) {
            // A damaged manifest must not take the definitions down; the page then says the log is unavailable.
            return Optional.of(DataFreshness.withoutManifest(run.runId()));
        }
    }

    static DataFreshness parse(String runId, String manifest) {
        JsonNode document = JSON.readTree(manifest);
        List<DataFreshness.Input> inputs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> input : document.path("inputs").properties()) {
            JsonNode watermark = input.getValue();
            inputs.add(new DataFreshness.Input(input.getKey(), watermark.path("parts").asLong(),
                    watermark.path("bytes").asLong(), textOrNull(watermark.path("latest_dt")),
                    instantOrNull(watermark.path("latest_modified"))));
        }
        List<DataFreshness.MartSize> sizes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> mart : document.path("marts").properties()) {
            sizes.add(new DataFreshness.MartSize(mart.getKey(), mart.getValue().path("rows").asLong()));
        }
        return new DataFreshness(runId, Instant.parse(document.path("published_at").asString()),
                textOrNull(document.path("months").path("from")), textOrNull(document.path("months").path("to")),
                inputs, sizes);
    }

    private static String textOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static Instant instantOrNull(JsonNode node) {
        String text = textOrNull(node);
        return text == null ? null : Instant.parse(text);
    }
}
