/**
 * The relay's HTTPS endpoints (JDK HttpsServer): upload with validation and fsync-before-acknowledge, inbox listing
 * and download scoped to the caller's office, and health. Configuration and wiring live here (the card-check route
 * is wired here but lives in {@code jp.renkei.relay.cardcheck}); journal and routing are their own packages.
 */
package jp.renkei.relay.server;
