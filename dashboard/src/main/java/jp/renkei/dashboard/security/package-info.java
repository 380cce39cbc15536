/**
 * Who is asking and what they may see (ARCHITECTURE §8): accounts of the users file ({@link
 * jp.renkei.dashboard.security.UsersFile}), log-in (form for pages, HTTP Basic for the API), and the {@link
 * jp.renkei.dashboard.security.Viewer} of the signed-in account, whose scope every query applies in SQL. Nothing
 * here filters rows in memory, and no request value can choose a role.
 */
package jp.renkei.dashboard.security;
