package jp.renkei.dashboard.mart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * API answers kept as the bytes sent. At national size the rows of a cached request were already in memory, yet
 * writing 1,741 of them as JSON again took most of the request; the bytes are now made once per run, request and
 * scope, in the same {@link MartResultCache} (weighed by kilobytes). The ETag is the SHA-256 of those bytes, so a
 * client that sends it back gets 304 without a body until a new run changes the answer (Spring's ResponseEntity
 * handling compares {@code If-None-Match} with the ETag set here).
 */
@Component
public class JsonAnswers {

    private final MartResultCache cache;
    private final JsonMapper json;

    public JsonAnswers(MartResultCache cache, JsonMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /**
     * The answer for {@code key} (which must hold the run id and the viewer's scope, as every cache key does); gzipped
     * when the client accepts it, as browsers and HTTP libraries do (national JSON shrinks about tenfold).
     */
    public ResponseEntity<byte[]> send(List<Object> key, String acceptEncoding, QueryTiming.SqlCall<?> answer)
            throws SQLException {
        Body body = cache.get(key, () -> Body.of(json.writeValueAsBytes(answer.call())));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            // A strong ETag names one representation, so the gzipped one has its own.
            return response.eTag(body.etag() + "-gzip").header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .body(body.gzipped());
        }
        return response.eTag(body.etag()).body(body.bytes());
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /**
     * The bytes and their strong ETag (without quotes); the gzip is made on the first request that accepts it and then
     * kept, so a client that never asks for gzip (or the cache turned off) does not pay for it.
     */
    static final class Body implements MartResultCache.Weighed {
        private final byte[] bytes;
        private final String etag;
        private volatile byte[] gzipped;

        private Body(byte[] bytes, String etag) {
            this.bytes = bytes;
            this.etag = etag;
        }

        static Body of(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Body(bytes, HexFormat.of().formatHex(digest, 0, 16));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every Java has SHA-256", impossible);
            }
        }

        byte[] bytes() {
            return bytes;
        }

        String etag() {
            return etag;
        }

        /** Made at most a few times under a race, all equal; never modified once made. */
        byte[] gzipped() {
            byte[] made = gzipped;
            if (made == null) {
                ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 8 + 64);
                try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                    gzip.write(bytes);
                } catch (IOException impossible) {
                    throw new UncheckedIOException("gzip into memory", impossible);
                }
                made = compressed.toByteArray();
                gzipped = made;
            }
            return made;
        }

        /** Weighed by its bytes and an allowance of a tenth for the gzip it may come to hold. */
        @Override
        public long rowCount() {
            return bytes.length * 11L / 10 / 1024;
        }
    }
}
