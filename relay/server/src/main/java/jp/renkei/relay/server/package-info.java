/**
 * The relay's HTTPS endpoints (Jetty, on the routes of {@code jp.renkei.relay.http}): upload with validation, idempotency and fsync-before-acknowledge,
 * inbox listing, download and acknowledgement scoped to the caller's office, senders' receipts, and health.
 * Configuration and wiring live here (the card-check route is wired here but lives in
 * {@code jp.renkei.relay.cardcheck}, which knows only {@code jp.renkei.relay.http}); journal, routing and receipts are
 * their own packages.
 */
package jp.renkei.relay.server;
