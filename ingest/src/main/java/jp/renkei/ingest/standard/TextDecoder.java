package jp.renkei.ingest.standard;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.ingest.finding.Findings;

/**
 * Decodes a file's bytes strictly: MS932, or — only when the reader was told to accept it — UTF-8 detected by a
 * byte-order mark or by bytes that are valid UTF-8 and not plain ASCII. An undecodable byte is an error with its
 * line, never a replacement character. After parsing, {@link #checkCharacters} reports any character the
 * standard forbids (outside MS932, or an MS932 外字 in the private-use area) with its line and field.
 */
final class TextDecoder {
    /** Decoded text and whether it was read as UTF-8. */
    record Decoded(String text, boolean utf8) {
    }

    private TextDecoder() {
    }

    /** The text, or null after recording why the bytes cannot be read. */
    static Decoded decode(byte[] content, boolean acceptUtf8, Findings findings) {
        boolean byteOrderMark = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF;
        if (byteOrderMark && !acceptUtf8) {
            // Checked on the bytes: MS932 cannot decode EF BB BF, so after decoding a BOM would only be "a bad byte".
            findings.error("STD-ENC-002", 1, 0, "", "先頭にBOMがあります。MS932のファイルにBOMは付けません",
                    "the file starts with a byte-order mark; MS932 files have none (was it saved as UTF-8?)");
            return null;
        }
        if (!acceptUtf8 && looksLikeUtf8(content)) {
            // Such bytes often also decode as MS932 — into mojibake (アイ → 繧｢繧､) that nothing would catch later.
            findings.error("STD-ENC-001", lineOfFirstHighByte(content), 0, "",
                    "UTF-8で保存されたファイルです。MS932(Shift_JIS)で保存し直すか、UTF-8であることを申告してください",
                    "the file is UTF-8 (valid UTF-8 with Japanese characters), not MS932; save it as MS932 or declare "
                            + "UTF-8 (--utf8)");
            return null;
        }
        if (acceptUtf8 && (byteOrderMark || (hasHighBytes(content) && strict(content, 0, StandardCharsets.UTF_8, null) != null))) {
            String text = strict(content, byteOrderMark ? 3 : 0, StandardCharsets.UTF_8, findings);
            if (text != null) {
                findings.warning("STD-ENC-004", 0, 0, "",
                        "UTF-8のファイルとして読みました。標準仕様の文字コードはMS932(Shift_JIS)です",
                        "read as UTF-8 as declared; the standard's encoding is MS932 (Shift_JIS)");
            }
            return text == null ? null : new Decoded(text, true);
        }
        String text = strict(content, 0, StandardFileReader.MS932, findings);
        return text == null ? null : new Decoded(text, false);
    }

    /**
     * Valid UTF-8 holding at least one 3-byte sequence (U+0800 and up: every kana and kanji). MS932 text is almost
     * never valid UTF-8 (its lead bytes 81–9F are UTF-8 continuation bytes), and never with a 3-byte sequence unless
     * a kanji row E0–EA happens to be followed by two more fitting bytes in every place.
     */
    private static boolean looksLikeUtf8(byte[] content) {
        boolean threeByteSequence = false;
        int i = 0;
        while (i < content.length) {
            int b = content[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                secondLow = b == 0xE0 ? 0xA0 : 0x80;
                secondHigh = b == 0xED ? 0x9F : 0xBF;
                threeByteSequence = true;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                secondLow = b == 0xF0 ? 0x90 : 0x80;
                secondHigh = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + length > content.length) {
                return false;
            }
            int second = content[i + 1] & 0xFF;
            if (second < secondLow || second > secondHigh) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((content[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return threeByteSequence;
    }

    private static long lineOfFirstHighByte(byte[] content) {
        long line = 1;
        for (int i = 0; i < content.length && content[i] >= 0; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean hasHighBytes(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** Decodes or, with findings, records the line of the first bad byte; without findings just returns null. */
    private static String strict(byte[] content, int start, Charset charset, Findings findings) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer output = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            if (findings != null) {
                int offset = input.position();
                long line = 1;
                for (int i = 0; i < offset; i++) {
                    if (content[i] == '\n') {
                        line++;
                    }
                }
                String encoding = charset == StandardCharsets.UTF_8 ? "UTF-8" : "MS932(Shift_JIS)";
                findings.error("STD-ENC-001", line, 0, "",
                        encoding + "として読めないバイト(位置 " + offset + ")があります。MS932で保存し直してください",
                        "bytes at offset " + offset + " are not valid " + encoding + "; save the file as MS932");
            }
            return null;
        }
        decoder.flush(output);
        output.flip();
        return output.toString();
    }

    /**
     * Reports each field holding a character the standard forbids: one outside MS932 (possible only in UTF-8 input)
     * or an MS932 外字 (user-defined, decoded to the private-use area U+E000–U+F8FF).
     */
    static void checkCharacters(String text, List<StandardFile.RawRecord> records, boolean utf8, Findings findings) {
        if (!utf8 && !hasPrivateUse(text)) {
            // Decoded MS932 can only hold a 外字; one pass over the text is cheaper than one per field.
            return;
        }
        CharsetEncoder encoder = utf8 ? StandardFileReader.MS932.newEncoder() : null;
        for (StandardFile.RawRecord record : records) {
            long line = record.line();
            List<String> fields = record.fields();
            for (int column = 0; column < fields.size(); column++) {
                String field = fields.get(column);
                for (int i = 0; i < field.length(); i++) {
                    char c = field.charAt(i);
                    if (c == '\n') {
                        line++;
                    } else if ((c >= 0xE000 && c <= 0xF8FF) || (encoder != null && c >= 0x80 && !encodable(encoder, field, i))) {
                        int codePoint = field.codePointAt(i);
                        String character = String.format("U+%04X", codePoint);
                        findings.error("STD-ENC-003", line, column + 1, "",
                                "MS932にない文字または外字(" + character + ")があります。MS932の範囲の文字に置き換えてください",
                                "character " + character + " is outside MS932 or a user-defined 外字; replace it with an "
                                        + "MS932 character");
                        break;
                    }
                }
            }
        }
    }

    private static boolean hasPrivateUse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xE000 && c <= 0xF8FF) {
                return true;
            }
        }
        return false;
    }

    private static boolean encodable(CharsetEncoder encoder, String field, int index) {
        char c = field.charAt(index);
        if (Character.isSurrogate(c)) {
            return false;
        }
        return encoder.canEncode(c);
    }
}
