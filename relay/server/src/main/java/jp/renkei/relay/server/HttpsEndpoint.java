package jp.renkei.relay.server;

import java.io.IOException;
import java.security.GeneralSecurityException;
import jp.renkei.relay.http.RelayRoutes;
import jp.renkei.relay.tls.RelayTlsMaterial;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The relay's HTTPS listener on Jetty: one TLS connector, HTTP/1.1, a bounded worker pool. Jetty rather than the
 * JDK's HttpsServer because the latter serialises every response through one dispatcher lock and its TLS layer; under
 * 32 concurrent uploads it held the relay near 350 files/s (see docs/relay.md, load benchmark).
 */
final class HttpsEndpoint {
    /** Threads Jetty needs besides the routes' workers: acceptor, selectors and reserved threads. */
    private static final int INFRASTRUCTURE_THREADS = 8;

    private HttpsEndpoint() {
    }

    static Server start(RelayConfig config, RelayTlsMaterial tls, RelayRoutes routes)
            throws IOException, GeneralSecurityException {
        QueuedThreadPool threads = new QueuedThreadPool(config.handlerThreads() + INFRASTRUCTURE_THREADS);
        threads.setName("relay-http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // Let encoded separators, dot segments and control characters reach the routes, which refuse them with a code
        // the agent can act on (RELAY-NAME-001, STD-NAME-*), instead of Jetty's bare 400.
        http.setUriCompliance(UriCompliance.UNSAFE);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Agents connect by IP address as often as by name; the certificate's names are checked by the client.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.serverContext(new javax.net.ssl.TrustManager[] {new ClientCertificateRequest()}));
        ssl.setWantClientAuth(true);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(routes);
        server.setStopTimeout(1_000);
        try {
            server.start();
        } catch (IOException | GeneralSecurityException | RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IOException("the relay's HTTPS endpoint did not start on " + config.bindAddress() + ":"
                    + config.port() + ": " + failure.getMessage(), failure);
        }
        return server;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Stops accepting, lets requests in flight finish for up to a second, then closes every connection. Jetty reports
     * the idle keep-alive connections it had to cut as a timeout; that is the normal end, not a failure.
     */
    static void stop(Server server) throws IOException {
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException idleConnectionsCut) {
            return;
        } catch (IOException | RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new IOException("the relay's HTTPS endpoint did not stop cleanly: " + failure.getMessage(), failure);
        }
    }
}
