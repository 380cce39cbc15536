package jp.renkei.relay.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;

/**
 * One request to the relay as a blocking route sees it, and the one answer it gives. Routes run on the server's
 * worker threads, so reading the body and waiting for the journal block only that request. The answer is written by
 * {@link RelayRoutes} after the route returns; a route that gives none is a bug and answers 500.
 */
public final class RelayExchange {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Request request;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private int status;
    private String contentType;
    private byte[] responseBody;
    private String errorCode;
    private String errorMessage;
    private String office;
    private CompletableFuture<?> later;

    RelayExchange(Request request) {
        this.request = request;
    }

    public String method() {
        return request.getMethod();
    }

    /** The request path with percent-escapes decoded but dot segments kept, so routes see what the caller sent. */
    public String path() {
        return URIUtil.decodePath(request.getHttpURI().getPath());
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The declared body length, or -1 when the caller did not declare one. */
    public long declaredLength() {
        return request.getLength();
    }

    public InputStream body() {
        return Content.Source.asInputStream(request);
    }

    /**
     * Ends this connection when no byte arrives for {@code stall}: a blocking body read then fails instead of holding
     * its worker for the connector's whole idle timeout per byte.
     */
    public void limitReadStall(java.time.Duration stall) {
        request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(stall.toMillis());
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request);
    }

    /** The client certificate chain the TLS handshake proved possession of, or null when none was presented. */
    public X509Certificate[] peerCertificates() {
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData session) {
            X509Certificate[] chain = session.peerCertificates();
            return chain == null || chain.length == 0 ? null : chain;
        }
        return null;
    }

    public void setResponseHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    public void json(int answerStatus, Object body) throws IOException {
        answer(answerStatus, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    /** The relay's error shape: {@code {"code": "...", "message": "..."}} plus details. */
    public void error(int answerStatus, String code, String message) throws IOException {
        error(answerStatus, code, message, Map.of());
    }

    public void error(int answerStatus, String code, String message, Map<String, Object> details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.putAll(details);
        json(answerStatus, body);
        errorCode = code;
        errorMessage = message;
    }

    /** A standard file as stored: MS932 CSV. */
    public void csv(byte[] content) {
        answer(200, "text/csv; charset=windows-31j", content);
    }

    public void answer(int answerStatus, String answerContentType, byte[] body) {
        if (responseBody != null) {
            throw new IllegalStateException("a route answered twice (" + status + ", then " + answerStatus + ")");
        }
        this.status = answerStatus;
        this.contentType = answerContentType;
        this.responseBody = body;
    }

    /**
     * The route answers once {@code answered} completes (it calls {@link #json} or {@link #error} before that), so the
     * worker thread is free meanwhile, e.g. while an upload waits for the journal's fsync. A failure of
     * {@code answered} is answered like an exception of the route: a coded 500.
     */
    public void answerLater(CompletableFuture<?> answered) {
        // Only a second pending answer is refused: the answer itself may already be in, since a fast fsync can
        // complete the route's future before the route gets here.
        if (later != null) {
            throw new IllegalStateException("a route answered later twice");
        }
        this.later = answered;
    }

    /** The pending answer of a route that answers later, or null. */
    CompletableFuture<?> later() {
        return later;
    }

    /** Records the office the caller's certificate proved, for the request's log line. */
    void identified(String provenOffice) {
        this.office = provenOffice;
    }

    /** The office the caller's certificate proved, or null before (or without) that. */
    String office() {
        return office;
    }

    String errorMessage() {
        return errorMessage;
    }

    /** The code of the error this exchange answered with, or null. */
    String errorCode() {
        return errorCode;
    }

    boolean answered() {
        return responseBody != null;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] responseBody() {
        return responseBody;
    }

    Map<String, String> responseHeaders() {
        return responseHeaders;
    }
}
