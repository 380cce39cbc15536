package jp.renkei.ingest.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** Drops a leading byte-order mark, which public open-data CSVs carry and which would otherwise prefix the first header. */
public final class BomSkippingReader extends FilterReader {
    public BomSkippingReader(Reader reader) throws IOException {
        super(skipBom(reader));
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
