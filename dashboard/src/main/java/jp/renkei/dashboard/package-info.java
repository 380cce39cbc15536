/**
 * The renkei dashboard: a Spring Boot web app that reads the published Parquet marts through DuckDB and shows them
 * as pages, a JSON API, charts and CSV exports. Packages are by feature; the dashboard formats and scopes figures,
 * it never recomputes an indicator (they are defined once, in the analytics transforms).
 */
package jp.renkei.dashboard;
