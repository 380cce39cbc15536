package jp.renkei.analytics.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.analytics.io.InputWatermark;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.LandingDataset;

/**
 * Whether a run may recompute only its latest months and copy the earlier ones from the published run (the base),
 * and if not, why. Only events may have landed since the base: files (exchanges and their schedule lines) and card
 * checks, which belong to the months they name. Reference data — offices, applications, municipalities, model regions,
 * effect reports, the card rollout — can move any month (an office that closes leaves every denominator), so a change
 * there rebuilds everything.
 *
 * <p>The months to recompute start at the earliest 対象年月 of the exchanges landed after the base's watermark (a late
 * file lands in its own month), or at the month after the base's last month, whichever is earlier. That needs every
 * part added since the base to be newer than the base's newest part; a part that landed with an older time (a slow
 * writer's rename) could hide a month, so then the run is full.
 *
 * @param base            the published run whose earlier months are kept
 * @param exchangesAfter  exchanges landed after this instant are new since the base (null: all are)
 */
public record IncrementalBase(RunManifest base, Instant exchangesAfter) {

    /** The datasets a landing only adds events to, each in the month it names. */
    public static final Set<LandingDataset> EVENTS = EnumSet.of(LandingDataset.EXCHANGES, LandingDataset.SCHEDULE_LINES,
            LandingDataset.CARD_CHECKS);

    /** An incremental base, or none with the reason the run rebuilds every month. */
    public record Decision(Optional<IncrementalBase> base, String reason) {
        static Decision full(String reason) {
            return new Decision(Optional.empty(), reason);
        }
    }

    public static Decision decide(Optional<RunManifest> current, ObjectNode request,
            Map<LandingDataset, InputWatermark> now, LandingReader landing) {
        if (current.isEmpty()) {
            return Decision.full("no published run with a manifest to build on");
        }
        RunManifest base = current.get();
        if (!base.sameRequest(request)) {
            return Decision.full("the request differs from run " + base.runId() + "'s (months, savings model or contract)");
        }
        for (LandingDataset dataset : LandingDataset.values()) {
            InputWatermark was = base.input(dataset);
            InputWatermark is = now.get(dataset);
            if (!EVENTS.contains(dataset)) {
                if (!was.equals(is)) {
                    return Decision.full(dataset.directoryName() + " changed since run " + base.runId()
                            + ": reference data can move every month");
                }
                continue;
            }
            long added = is.parts() - was.parts();
            if (added < 0) {
                return Decision.full(dataset.directoryName() + " has fewer parts than run " + base.runId() + " read");
            }
            if (landing.partsModifiedAfter(dataset, was.latestModified()) != added) {
                return Decision.full(dataset.directoryName() + " has a part older than run " + base.runId()
                        + "'s newest that it did not read");
            }
        }
        boolean linesGrew = now.get(LandingDataset.SCHEDULE_LINES).parts() > base.input(LandingDataset.SCHEDULE_LINES).parts();
        boolean exchangesGrew = now.get(LandingDataset.EXCHANGES).parts() > base.input(LandingDataset.EXCHANGES).parts();
        if (linesGrew && !exchangesGrew) {
            return Decision.full("schedule lines landed without exchanges: their months are not known without a full read");
        }
        return new Decision(Optional.of(new IncrementalBase(base, base.input(LandingDataset.EXCHANGES).latestModified())),
                "only events landed since run " + base.runId());
    }
}
