package jp.renkei.relay.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers with a stable error shape: {@code {"code": "...", "message": "..."}} plus details. */
final class HttpReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpReplies() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        error(exchange, status, code, message, Map.of());
    }

    static void error(HttpExchange exchange, int status, String code, String message, Map<String, Object> details)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.putAll(details);
        json(exchange, status, body);
    }

    static void bytes(HttpExchange exchange, byte[] content) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=windows-31j");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(content);
        }
    }
}
