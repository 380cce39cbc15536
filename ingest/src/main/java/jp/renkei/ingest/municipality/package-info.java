/**
 * The municipality master (全国地方公共団体コード with check digit, code4fukui/localgovjp layout): validation,
 * and the roll-up of 政令市 wards to their city. No office or adoption logic lives here.
 */
package jp.renkei.ingest.municipality;
