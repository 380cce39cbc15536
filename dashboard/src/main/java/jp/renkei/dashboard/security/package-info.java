/**
 * Who is asking: the {@link jp.renkei.dashboard.security.Viewer} of a request and what it may see (ARCHITECTURE §8).
 * For now the role comes from the {@code X-Renkei-Role} header (or {@code renkei.default-role}); that is a
 * stand-in for real authentication, which must replace the header before the dashboard leaves a trusted network.
 * Queries apply the viewer's restriction in SQL; nothing here filters rows in memory.
 */
package jp.renkei.dashboard.security;
