/**
 * What a route of the relay sees of HTTP, and all it needs to plug in: an exchange (method, path, headers, the body,
 * the answer), the route interface, the table of routes Jetty hands requests to, the proof of the calling office from
 * its client certificate, and the metrics every answer counts in. The server's routes and the card-check route both
 * build on this package; it depends on neither, so they do not depend on each other.
 */
package jp.renkei.relay.http;
