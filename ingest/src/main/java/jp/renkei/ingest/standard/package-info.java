/**
 * The ケアプランデータ連携標準仕様 files: file names, MS932 decoding, record layouts, and validation with findings.
 * Field orders follow the layout definition (docs/standard-format.md); nothing here knows about the relay or Spark.
 */
package jp.renkei.ingest.standard;
