package jp.renkei.ingest.standard;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.ingest.finding.Findings;

/**
 * Turns a file's raw records (field counts already checked) into typed records with the kind's codec, then checks
 * the content against the name and, for 第7表, the subtotal and total rows (these file-level checks run only when
 * every record parsed, so that a field error does not also show up as a missing line or a wrong total).
 */
final class ContentReader {
    private ContentReader() {
    }

    static List<StandardRecord> read(StandardFileName name, CsvVersion version, List<StandardFile.RawRecord> records,
            Findings findings) {
        if (name.version4() != version.isVersion4()) {
            findings.error("STD-NAME-010", 0, 0, "ファイル名",
                    "ファイル名の形式(" + (name.version4() ? "V4" : "V3") + ")とCSVバージョン(" + version.value() + ")が一致しません",
                    "the name is a " + (name.version4() ? "V4" : "V3") + " name but the content is CSV version "
                            + version.value());
        }
        RecordCodec<?> codec = RecordCodecs.forKind(name.kind()).orElseThrow();
        FieldReader reader = new FieldReader(findings);
        List<ParsedLine<StandardRecord>> lines = new ArrayList<>(records.size());
        for (StandardFile.RawRecord raw : records) {
            StandardRecord parsed = codec.parse(version, raw.line(), raw.fields(), reader);
            if (parsed != null) {
                NameAgreement.checkMonth(name, codec.layout(), version, raw, findings);
                lines.add(new ParsedLine<>(raw.line(), parsed));
            }
        }
        if (lines.size() < records.size()) {
            // Checks across records would report the gaps the field errors left, not real problems.
            return List.of();
        }
        NameAgreement.checkAddressee(name, lines, version, findings);
        if (name.kind() == FileKind.UPSIKYU) {
            List<ParsedLine<BenefitRecord>> rows = new ArrayList<>(lines.size());
            lines.forEach(line -> rows.add(new ParsedLine<>(line.line(), (BenefitRecord) line.record())));
            BenefitTotals.check(rows, version, findings);
        }
        List<StandardRecord> typed = new ArrayList<>(lines.size());
        lines.forEach(line -> typed.add(line.record()));
        return typed;
    }
}
