package jp.renkei.relay.receipt;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFileName;

/**
 * The order an inbox lists its files in: send unit by send unit (oldest timestamp first, then sender) and within a unit
 * in the standard's order (parents before children), so an agent that applies them as listed applies a unit as the
 * sender meant it. Only for names the upload validated.
 */
final class SendUnitOrder {
    private SendUnitOrder() {
    }

    /**
     * The names in this order — timestamp, sender, the standard's file order, name — each parsed once rather than at
     * every comparison of the sort.
     */
    static List<String> sorted(Stream<String> names) {
        return names.map(Position::of).sorted().map(Position::name).toList();
    }

    private record Position(LocalDateTime sentAt, String sender, FileKind kind, String name)
            implements Comparable<Position> {
        private static final Comparator<Position> BY_UNIT = Comparator.comparing(Position::sentAt)
                .thenComparing(Position::sender).thenComparing(Position::kind).thenComparing(Position::name);

        static Position of(String name) {
            try {
                StandardFileName parsed = StandardFileName.parse(name);
                return new Position(parsed.sentAt(), parsed.senderOffice(), parsed.kind(), name);
            } catch (InvalidFileNameException impossible) {
                throw new IllegalStateException("the inbox holds a name the upload validated: " + name, impossible);
            }
        }

        @Override
        public int compareTo(Position other) {
            return BY_UNIT.compare(this, other);
        }
    }
}
