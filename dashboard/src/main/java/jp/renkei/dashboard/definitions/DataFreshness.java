package jp.renkei.dashboard.definitions;

import java.time.Instant;
import java.util.List;

/**
 * The data-freshness log of the definitions page: the run every page reads and, from its manifest, what each landing
 * dataset held when the run read it. A run published without a manifest has only its id ({@link #hasManifest}).
 *
 * @param publishedAt when the run was published, null without a manifest
 * @param fromMonth the first month the run computed, {@code YYYY-MM}
 * @param toMonth the last month, {@code YYYY-MM}: the newest month any page can show
 */
record DataFreshness(String runId, Instant publishedAt, String fromMonth, String toMonth, List<Input> inputs,
        List<MartSize> marts) {

    /** A landing dataset as the run found it: its parts, bytes, newest {@code dt=} partition and newest part's time. */
    record Input(String dataset, long parts, long bytes, String latestDt, Instant latestModified) {
    }

    record MartSize(String mart, long rows) {
    }

    static DataFreshness withoutManifest(String runId) {
        return new DataFreshness(runId, null, null, null, List.of(), List.of());
    }

    public boolean hasManifest() {
        return publishedAt != null;
    }
}
