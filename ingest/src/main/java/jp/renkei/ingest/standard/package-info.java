/**
 * The ケアプランデータ連携標準仕様 files: file names, strict MS932 decoding, one typed record per file kind with its
 * {@code Layout} and codec, validation with findings, send units and delete cascades. Field orders follow the layout
 * definition (docs/standard-layouts.md); nothing here knows about the relay or Spark.
 */
package jp.renkei.ingest.standard;
