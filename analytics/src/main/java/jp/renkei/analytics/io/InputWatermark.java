package jp.renkei.analytics.io;

import java.time.Instant;

/**
 * What a run read of one landing dataset, from the file system alone: how many parts and bytes, the latest
 * {@code dt} partition and the newest part's modification time. Parts are only ever added (landing never rewrites
 * one), so equal watermarks mean equal input.
 *
 * @param latestDt       the latest {@code dt} holding a part, {@code null} when the dataset never landed
 * @param latestModified the newest part's modification time, {@code null} when the dataset never landed
 */
public record InputWatermark(long parts, long bytes, String latestDt, Instant latestModified) {

    public static final InputWatermark NEVER_LANDED = new InputWatermark(0, 0, null, null);
}
