package jp.renkei.relay.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;

/**
 * The files of an outbox folder ({@code <outbox>/<sub-folder>/<files>}, one sub-folder per office by convention)
 * grouped by the sender office their standard names carry, which is the office that must sign and send them. Each
 * group is in send-unit order (timestamp, then name), so a receiver sees them in the order the standard asks for.
 * Hidden files (temporary files of a writer) are not part of it.
 *
 * @param bySender sender office → its files in send-unit order
 * @param notStandard files whose names are not standard file names, so no office can send them
 */
public record Outbox(SortedMap<String, List<Path>> bySender, List<Path> notStandard) {

    public Outbox {
        bySender = new TreeMap<>(bySender);
        bySender.replaceAll((office, files) -> List.copyOf(files));
        notStandard = List.copyOf(notStandard);
    }

    /** Reads the outbox's sub-folders (not deeper). */
    public static Outbox scan(Path outbox) throws IOException {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(outbox)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        Map<String, List<Path>> bySender = new TreeMap<>();
        List<Path> notStandard = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : filesOf(folder)) {
                try {
                    String sender = StandardFileName.parse(file.getFileName().toString()).senderOffice();
                    bySender.computeIfAbsent(sender, office -> new ArrayList<>()).add(file);
                } catch (InvalidFileNameException notStandardName) {
                    notStandard.add(file);
                }
            }
        }
        bySender.values().forEach(files -> files.sort(SEND_UNIT_ORDER));
        return new Outbox(new TreeMap<>(bySender), notStandard);
    }

    /** The files {@code wanted} keeps, in the same groups and order. */
    public Outbox only(Predicate<Path> wanted) {
        Map<String, List<Path>> kept = new TreeMap<>();
        bySender.forEach((office, files) -> {
            List<Path> some = files.stream().filter(wanted).toList();
            if (!some.isEmpty()) {
                kept.put(office, some);
            }
        });
        return new Outbox(new TreeMap<>(kept), notStandard.stream().filter(wanted).toList());
    }

    /** Every file, for progress figures. */
    public int fileCount() {
        return notStandard.size() + bySender.values().stream().mapToInt(List::size).sum();
    }

    /** Send-unit order: by the trailing timestamp, then by name (UPPLAN before UPSIKYU within a unit). */
    static final Comparator<Path> SEND_UNIT_ORDER = Comparator
            .comparing((Path file) -> timestampOf(file.getFileName().toString()))
            .thenComparing(file -> file.getFileName().toString());

    /** One folder's visible regular files in send-unit order. */
    static List<Path> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted(SEND_UNIT_ORDER)
                    .toList();
        }
    }

    private static String timestampOf(String name) {
        int dot = name.lastIndexOf('.');
        int underscore = name.lastIndexOf('_');
        return underscore >= 0 && dot > underscore ? name.substring(underscore + 1, dot) : name;
    }
}
