package jp.renkei.ingest.standard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes records in the standard's physical format: comma, RFC 4180 quoting, CRLF, MS932 with no replacement. */
public final class StandardFileWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private StandardFileWriter() {
    }

    /** Encodes the records; a character outside MS932 is an error naming the record, not a silent '?'. */
    public static byte[] toBytes(List<List<String>> records) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        try {
            ByteBuffer encoded = StandardFileReader.MS932.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text.toString()));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException outsideMs932) {
            throw new IllegalArgumentException("A value contains a character outside MS932; map it to an MS932 "
                    + "character before writing (the standard forbids 外字): " + outsideMs932.getMessage(), outsideMs932);
        }
    }
}
