/**
 * The linkage-system license roster (利用申請): one line per office number and application, in renkei's documented
 * CSV layout (docs/formats/applications.md). Validation rejects the whole roster on any error.
 */
package jp.renkei.ingest.application;
