package jp.renkei.dashboard.export;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An export as a download: the media type, and a file name in ASCII for old clients and in Japanese for the rest. */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    public static ResponseEntity<byte[]> csv(byte[] body, ExportCharset charset, String asciiName, String japaneseName) {
        return attachment(body, new MediaType("text", "csv", charset.charset()), asciiName + ".csv", japaneseName + ".csv");
    }

    public static ResponseEntity<byte[]> xlsx(byte[] body, String asciiName, String japaneseName) {
        return attachment(body, XLSX, asciiName + ".xlsx", japaneseName + ".xlsx");
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String ascii, String japanese) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(ascii, japanese)).body(body);
    }

    /**
     * {@code attachment; filename="municipal_adoption_2026-10_all_in_scope.csv"; filename*=UTF-8''申請率ランキング_…}:
     * an ASCII name for old clients and the Japanese one (RFC 5987/6266) for the rest.
     */
    static String contentDisposition(String ascii, String japanese) {
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(japanese);
    }

    private static String rfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
