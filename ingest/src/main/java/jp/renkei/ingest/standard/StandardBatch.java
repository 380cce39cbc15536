package jp.renkei.ingest.standard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;

/**
 * Validates many standard files as the receiver would: each file on its own, then each send unit (files sharing
 * sender, recipient and timestamp) for its cross-file keys. Files are grouped by name before any is read and read
 * one unit at a time, so memory holds one send unit, not the whole input.
 */
public final class StandardBatch {
    /** What one file came to: its findings (file-level and send-unit) and how many records it held. */
    public record FileResult(Path path, long bytes, int records, long errors, long warnings, List<Finding> findings) {
        public boolean rejected() {
            return errors > 0;
        }
    }

    private static final Comparator<SendUnit.Key> UNIT_ORDER = Comparator.comparing(SendUnit.Key::sentAt)
            .thenComparing(SendUnit.Key::senderOffice).thenComparing(SendUnit.Key::recipientOffice);

    private final StandardFileReader reader;

    /** @param acceptUtf8 the caller declares UTF-8 input (see {@link StandardFileReader#StandardFileReader(boolean)}) */
    public StandardBatch(boolean acceptUtf8) {
        this.reader = new StandardFileReader(acceptUtf8);
    }

    /**
     * Validates the files, send unit by send unit (oldest first; files with an invalid name last, each alone), and
     * hands each file's result to {@code results} as soon as its unit is checked.
     *
     * @param bytesRead told the running total of bytes read, for progress
     */
    public void validate(List<Path> files, Consumer<FileResult> results, LongConsumer bytesRead)
            throws IOException {
        Map<SendUnit.Key, List<Path>> units = new LinkedHashMap<>();
        List<Path> unnamed = new ArrayList<>();
        for (Path file : files) {
            try {
                StandardFileName name = StandardFileName.parse(file.getFileName().toString());
                units.computeIfAbsent(new SendUnit.Key(name.senderOffice(), name.recipientOffice(), name.sentAt()),
                        ignored -> new ArrayList<>()).add(file);
            } catch (InvalidFileNameException invalid) {
                unnamed.add(file);
            }
        }
        long[] total = {0};
        List<SendUnit.Key> order = new ArrayList<>(units.keySet());
        order.sort(UNIT_ORDER);
        for (SendUnit.Key key : order) {
            validateUnit(units.get(key), results, bytesRead, total);
        }
        for (Path file : unnamed) {
            validateUnit(List.of(file), results, bytesRead, total);
        }
    }

    private void validateUnit(List<Path> paths, Consumer<FileResult> results, LongConsumer bytesRead,
            long[] total) throws IOException {
        Map<StandardFile, Path> pathOf = new IdentityHashMap<>();
        Map<Path, Long> sizes = new LinkedHashMap<>();
        List<StandardFile> read = new ArrayList<>(paths.size());
        for (Path path : paths) {
            byte[] content = Files.readAllBytes(path);
            StandardFile file = reader.read(path.getFileName().toString(), content);
            pathOf.put(file, path);
            sizes.put(path, (long) content.length);
            read.add(file);
            total[0] += content.length;
            bytesRead.accept(total[0]);
        }
        Map<StandardFile, Findings> unitFindings = new IdentityHashMap<>();
        for (SendUnit unit : SendUnit.group(read)) {
            List<Finding> keys = unit.validate();
            for (StandardFile file : unit.files()) {
                String formatted = file.name().orElseThrow().format();
                String actual = pathOf.get(file).getFileName().toString();
                Findings findings = new Findings(actual);
                keys.stream().filter(finding -> finding.file().equals(formatted))
                        .map(finding -> new Finding(finding.code(), finding.severity(), actual, finding.line(),
                                finding.column(), finding.field(), finding.messageJa(), finding.messageEn()))
                        .forEach(findings::add);
                unitFindings.put(file, findings);
            }
        }
        for (StandardFile file : read) {
            Path path = pathOf.get(file);
            Findings all = new Findings(path.getFileName().toString());
            all.addAll(file.findings());
            Findings keys = unitFindings.get(file);
            if (keys != null) {
                all.addAll(keys);
            }
            long errors = file.findings().errorCount() + (keys == null ? 0 : keys.errorCount());
            long warnings = file.findings().warningCount() + (keys == null ? 0 : keys.warningCount());
            results.accept(new FileResult(path, sizes.get(path), file.records().size(), errors, warnings, all.list()));
        }
    }
}
