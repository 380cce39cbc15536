package jp.renkei.dashboard.ranking;

/** A prefecture as the mart names it, for the filter. */
record Prefecture(String code, String name) {
}
