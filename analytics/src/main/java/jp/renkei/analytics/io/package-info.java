/**
 * Reading the landing zone and writing mart files: CSV with the column lists of
 * {@link jp.renkei.ingest.landing.LandingDataset} as an all-string schema, Parquet out.
 * No figure is computed here and nothing is published here; see {@code publish} for {@code _CURRENT}.
 */
package jp.renkei.analytics.io;
