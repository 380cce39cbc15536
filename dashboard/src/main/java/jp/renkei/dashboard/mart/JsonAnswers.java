package jp.renkei.dashboard.mart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
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

    /** The answer for {@code key} (which must hold the run id and the viewer's scope, as every cache key does). */
    public ResponseEntity<byte[]> send(List<Object> key, QueryTiming.SqlCall<?> answer) throws SQLException {
        Body body = cache.get(key, () -> Body.of(json.writeValueAsBytes(answer.call())));
        return ResponseEntity.ok().eTag(body.etag()).contentType(MediaType.APPLICATION_JSON).body(body.bytes());
    }

    /** The bytes and their strong ETag; never modified once made. */
    record Body(byte[] bytes, String etag) implements MartResultCache.Weighed {

        static Body of(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return new Body(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("every Java has SHA-256", impossible);
            }
        }

        @Override
        public long rowCount() {
            return bytes.length / 1024;
        }
    }
}
