package jp.renkei.ingest.standard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes records in the standard's physical format: comma, RFC 4180 quoting, CRLF, MS932 with no replacement. */
public final class StandardFileWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private StandardFileWriter() {
    }

    /** Writes typed records of any kind (all of one kind and CSV version, as the standard requires). */
    public static byte[] write(List<? extends StandardRecord> records) {
        return toBytes(records.stream().map(StandardRecord::toFields).toList());
    }

    /**
     * Encodes the records; a character outside MS932 (or a 外字 in the private-use area) is an error naming the
     * record, the field and the character, not a silent '?'.
     */
    public static byte[] toBytes(List<List<String>> records) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        CharsetEncoder encoder = StandardFileReader.MS932.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            rejectForbidden(records, encoder);
            ByteBuffer encoded = encoder.reset().encode(CharBuffer.wrap(text.toString()));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException outsideMs932) {
            throw new IllegalArgumentException("A value contains a character outside MS932: " + outsideMs932, outsideMs932);
        }
    }

    private static void rejectForbidden(List<List<String>> records, CharsetEncoder encoder) {
        for (int r = 0; r < records.size(); r++) {
            List<String> record = records.get(r);
            for (int f = 0; f < record.size(); f++) {
                String value = record.get(f);
                for (int i = 0; value != null && i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c >= 0x80 && (Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xF8FF) || !encoder.canEncode(c))) {
                        throw new IllegalArgumentException(String.format(
                                "record %d field %d holds U+%04X, which is outside MS932 or a 外字; map it to an MS932 "
                                        + "character before writing (the standard forbids both)",
                                r + 1, f + 1, value.codePointAt(i)));
                    }
                }
            }
        }
    }
}
