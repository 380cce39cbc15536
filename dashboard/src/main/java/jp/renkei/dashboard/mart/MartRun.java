package jp.renkei.dashboard.mart;

/**
 * One published run of a mart, resolved once per request so that every query of the request reads the same run.
 *
 * @param mart the mart name, e.g. {@code municipal_adoption}
 * @param runId the run named by {@code _CURRENT}
 * @param parquetGlob the absolute glob {@code <home>/marts/<mart>/run=<runId>/*.parquet}, bound as a SQL parameter
 */
public record MartRun(String mart, String runId, String parquetGlob) {
}
