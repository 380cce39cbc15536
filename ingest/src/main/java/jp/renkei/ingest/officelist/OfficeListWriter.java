package jp.renkei.ingest.officelist;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes offices in the public list's 24-column layout (UTF-8 with BOM, CRLF), as the demo nation publishes it. */
public final class OfficeListWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    /** A printed line of the list; fields the demo does not model stay empty. */
    public record Line(String locationCode, String prefectureName, String municipalityName, String officeName,
            String serviceTypeName, String officeNumber) {
    }

    private OfficeListWriter() {
    }

    public static void write(Writer writer, List<Line> lines) throws IOException {
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(OfficeListFormat.HEADER);
        int number = 1;
        for (Line line : lines) {
            List<String> fields = new ArrayList<>(Collections.nCopies(OfficeListFormat.HEADER.size(), ""));
            fields.set(OfficeListFormat.MUNICIPALITY_CODE, line.locationCode());
            fields.set(1, Integer.toString(number++));
            fields.set(2, line.prefectureName());
            fields.set(3, line.municipalityName());
            fields.set(OfficeListFormat.OFFICE_NAME, line.officeName());
            fields.set(OfficeListFormat.SERVICE_TYPE_NAME, line.serviceTypeName());
            fields.set(OfficeListFormat.OFFICE_NUMBER, line.officeNumber());
            printer.printRecord(fields);
        }
        printer.flush();
    }
}
