package jp.renkei.dashboard.export;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import jp.renkei.dashboard.system.DashboardException;

/** The encodings a CSV export offers: UTF-8 with a byte-order mark (default), or MS932 for older Excel and systems. */
public enum ExportCharset {
    UTF_8("utf-8", StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    MS932("ms932", Charset.forName("windows-31j"), new byte[0]);

    private final String code;
    private final Charset charset;
    private final byte[] byteOrderMark;

    ExportCharset(String code, Charset charset, byte[] byteOrderMark) {
        this.code = code;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    /** {@code utf-8} (also when absent) or {@code ms932}; anything else is DASH-PARAM-001. */
    public static ExportCharset parse(String text) {
        if (text == null || text.isBlank()) {
            return UTF_8;
        }
        return Arrays.stream(values()).filter(value -> value.code.equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> DashboardException.badParameter("charset", "utf-8 または ms932", text));
    }

    public String code() {
        return code;
    }

    public Charset charset() {
        return charset;
    }

    /**
     * The text in this encoding, after its byte-order mark. A character MS932 cannot hold (e.g. 𠮷) is DASH-EXPORT-001
     * naming it, never a silent "?" in an official figure's label.
     */
    byte[] encode(String text) {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException unmappable) {
            throw DashboardException.notEncodable(code, firstUnencodable(text).orElse("?"));
        }
        byte[] bytes = new byte[byteOrderMark.length + encoded.remaining()];
        System.arraycopy(byteOrderMark, 0, bytes, 0, byteOrderMark.length);
        encoded.get(bytes, byteOrderMark.length, encoded.remaining());
        return bytes;
    }

    private Optional<String> firstUnencodable(String text) {
        CharsetEncoder encoder = charset.newEncoder();
        return text.codePoints().mapToObj(Character::toString).filter(character -> !encoder.canEncode(character))
                .findFirst();
    }
}
