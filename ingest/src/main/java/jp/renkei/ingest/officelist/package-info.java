/**
 * The public 介護サービス情報公表 office list (24-column open-data CSV, UTF-8 with BOM): reading it into offices
 * with validated 事業所番号, service type and municipality, and writing it for the demo nation.
 */
package jp.renkei.ingest.officelist;
