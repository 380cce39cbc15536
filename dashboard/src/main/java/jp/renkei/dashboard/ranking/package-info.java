/**
 * The national ranking of municipalities by 申請率 (mart {@code municipal_adoption}): the page, its chart, the CSV
 * export and the JSON API, all over one query scoped to the caller's role in SQL. Figures are read as published and
 * only formatted here.
 */
package jp.renkei.dashboard.ranking;
