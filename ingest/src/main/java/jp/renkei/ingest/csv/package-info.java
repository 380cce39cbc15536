/** Small helpers shared by the CSV format families (byte-order marks, strict headers); no format knowledge here. */
package jp.renkei.ingest.csv;
