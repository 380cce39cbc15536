package jp.renkei.analytics.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import jp.renkei.analytics.io.InputWatermark;
import jp.renkei.analytics.io.JobStorage;
import jp.renkei.ingest.landing.LandingDataset;

/**
 * What a published run was asked for, what it read and what it holds, as {@code marts/_runs/<run_id>.json}: the run
 * id, the request (months, savings model, the marts' contract), every input dataset's watermark and each mart's rows.
 * It is written before any {@code _CURRENT} names the run. Two runs with the same request and the same watermarks read
 * the same input and would publish the same rows, which is how the job knows that running again changes nothing.
 */
public final class RunManifest {
    public static final String FOLDER = "_runs";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode document;

    private RunManifest(ObjectNode document) {
        this.document = document;
    }

    /**
     * The manifest of a run about to be published.
     *
     * @param request what the run was asked for; equal requests over equal input give equal marts
     */
    public static RunManifest of(String runId, Instant publishedAt, ObjectNode request, YearMonth fromMonth,
            YearMonth toMonth, Map<LandingDataset, InputWatermark> inputs, Map<String, Long> martRows) {
        ObjectNode document = JSON.createObjectNode();
        document.put("run_id", runId);
        document.put("published_at", publishedAt.toString());
        document.set("request", request);
        ObjectNode months = document.putObject("months");
        months.put("from", fromMonth.toString());
        months.put("to", toMonth.toString());
        document.set("inputs", watermarks(inputs));
        ObjectNode marts = document.putObject("marts");
        martRows.forEach((mart, rows) -> marts.putObject(mart).put("rows", rows));
        return new RunManifest(document);
    }

    /** The watermarks as the manifest writes them: dataset → parts, bytes, latest dt, latest modification. */
    public static ObjectNode watermarks(Map<LandingDataset, InputWatermark> inputs) {
        ObjectNode node = JSON.createObjectNode();
        inputs.forEach((dataset, watermark) -> {
            ObjectNode entry = node.putObject(dataset.directoryName());
            entry.put("parts", watermark.parts());
            entry.put("bytes", watermark.bytes());
            entry.put("latest_dt", watermark.latestDt());
            entry.put("latest_modified", watermark.latestModified() == null ? null : watermark.latestModified().toString());
        });
        return node;
    }

    public static ObjectNode newRequest() {
        return JSON.createObjectNode();
    }

    /** True when this run had the same request and read the same input as {@code request} over {@code inputs}. */
    public boolean sameInput(ObjectNode request, Map<LandingDataset, InputWatermark> inputs) {
        return document.get("request").equals(asRead(request)) && document.get("inputs").equals(asRead(watermarks(inputs)));
    }

    /** The node as it reads back from its file: a read number is the smallest fitting type, so 1L becomes an int. */
    private static JsonNode asRead(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The watermark this run recorded for a dataset; {@link InputWatermark#NEVER_LANDED} when it had none (a manifest
     * written before the dataset existed).
     */
    public InputWatermark input(LandingDataset dataset) {
        JsonNode entry = document.get("inputs").get(dataset.directoryName());
        if (entry == null) {
            return InputWatermark.NEVER_LANDED;
        }
        JsonNode modified = entry.get("latest_modified");
        JsonNode dt = entry.get("latest_dt");
        return new InputWatermark(entry.get("parts").asLong(), entry.get("bytes").asLong(),
                dt == null || dt.isNull() ? null : dt.asText(),
                modified == null || modified.isNull() ? null : Instant.parse(modified.asText()));
    }

    /** True when this run was asked for the same as {@code request} (months, savings model, contract). */
    public boolean sameRequest(ObjectNode request) {
        return document.get("request").equals(asRead(request));
    }

    /** Records that this run recomputed only the months from {@code from} and copied the earlier ones from a base run. */
    public RunManifest incremental(String baseRunId, YearMonth from) {
        ObjectNode incremental = document.putObject("incremental");
        incremental.put("base_run", baseRunId);
        incremental.put("recomputed_from", from.toString());
        return this;
    }

    public String runId() {
        return document.get("run_id").asText();
    }

    public YearMonth fromMonth() {
        return YearMonth.parse(document.get("months").get("from").asText());
    }

    public YearMonth toMonth() {
        return YearMonth.parse(document.get("months").get("to").asText());
    }

    /** The rows a mart of this run holds, -1 when the manifest does not list it. */
    public long rows(String mart) {
        JsonNode entry = document.get("marts").get(mart);
        return entry == null ? -1 : entry.get("rows").asLong();
    }

    public static URI file(URI martsRoot, String runId) {
        return JobStorage.child(martsRoot, FOLDER, runId + ".json");
    }

    /** Writes it so that a reader sees it whole or not at all ({@link JobStorage#replace}). */
    public void write(JobStorage storage, URI martsRoot) {
        URI file = file(martsRoot, runId());
        try {
            storage.replace(file, JSON.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new PublishException("ANA-PUB-003", "cannot write the run manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest of a run, empty when there is none (a run published before manifests existed) or it is unreadable. */
    public static Optional<RunManifest> read(JobStorage storage, URI martsRoot, String runId) {
        try {
            Optional<String> text = storage.readString(file(martsRoot, runId));
            if (text.isEmpty()) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(text.get());
            return node instanceof ObjectNode object && object.has("request") && object.has("inputs")
                    ? Optional.of(new RunManifest(object)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The manifest of a run in a local marts folder. */
    public static Optional<RunManifest> read(java.nio.file.Path martsRoot, String runId) {
        return read(JobStorage.local(), martsRoot.toUri(), runId);
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
