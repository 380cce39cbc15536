package jp.renkei.relay.http;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dispatches by path prefix (longest first is not needed: the relay's prefixes do not overlap) to blocking routes and
 * writes their answer. An exception in a route answers 500 with a code and is logged; the relay keeps serving.
 */
public final class RelayRoutes extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(RelayRoutes.class.getName());

    private final Map<String, RelayRoute> routes = new LinkedHashMap<>();
    private final RelayMetrics metrics;

    public RelayRoutes(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    public void add(String pathPrefix, RelayRoute route) {
        routes.put(pathPrefix, route);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        // A blocking handler: Jetty calls it on a pooled worker thread, never a selector thread, so a route may block
        // while it reads the body. A route that waits for something else (the journal's fsync) answers later.
        RelayExchange exchange = new RelayExchange(request);
        String path = request.getHttpURI().getPath();
        try {
            RelayRoute route = routes.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (route == null) {
                exchange.error(404, "RELAY-PATH-001", "no such endpoint: " + path.replaceAll("\\p{Cntrl}", "?"));
            } else {
                route.handle(exchange);
            }
        } catch (Exception | Error failure) {
            answerFailure(request, response, callback, failure);
            return true;
        }
        CompletableFuture<?> later = exchange.later();
        if (later == null) {
            finish(request, response, callback, exchange, path);
        } else {
            RelayExchange answering = exchange;
            later.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    answerFailure(request, response, callback, failure);
                } else {
                    finish(request, response, callback, answering, path);
                }
            });
        }
        return true;
    }

    private void finish(Request request, Response response, Callback callback, RelayExchange exchange, String path) {
        if (!exchange.answered()) {
            answerFailure(request, response, callback, new IllegalStateException("route for " + path + " gave no answer"));
            return;
        }
        if (exchange.errorCode() != null) {
            metrics.refused(exchange.errorCode());
            logRefusal(request, exchange);
        }
        response.setStatus(exchange.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, exchange.contentType());
        exchange.responseHeaders().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, exchange.responseBody().length);
        response.write(true, ByteBuffer.wrap(exchange.responseBody()), callback);
    }

    private void answerFailure(Request request, Response response, Callback callback, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "request " + request.getMethod() + " failed", failure);
        RelayExchange exchange = new RelayExchange(request);
        try {
            exchange.error(500, "RELAY-INTERNAL-001", "the relay failed on this request; it was not accepted. Retry; if it fails again, give the relay"
                    + " operator the time of the request (the error is in the relay's log)");
        } catch (java.io.IOException impossible) {
            callback.failed(impossible);
            return;
        }
        finish(request, response, callback, exchange, request.getHttpURI().getPath());
    }

    /**
     * Every refusal, one line: method, path (control characters shown as ?), the office the certificate proved,
     * the caller's address, status, code and message. Messages name files, offices and codes, never contents or
     * persons.
     */
    private static void logRefusal(Request request, RelayExchange exchange) {
        System.Logger.Level level = exchange.status() >= 500 ? System.Logger.Level.ERROR
                : exchange.status() == 404 || exchange.status() == 405 ? System.Logger.Level.INFO
                : System.Logger.Level.WARNING;
        LOG.log(level, "{0} {1} refused for office {2} from {3}: {4} {5} {6}", request.getMethod(),
                request.getHttpURI().getPath().replaceAll("\\p{Cntrl}", "?"),
                exchange.office() == null ? "(unidentified)" : exchange.office(), exchange.remoteAddress(),
                Integer.toString(exchange.status()), exchange.errorCode(),
                String.valueOf(exchange.errorMessage()).replaceAll("\\p{Cntrl}", "?"));
    }
}
