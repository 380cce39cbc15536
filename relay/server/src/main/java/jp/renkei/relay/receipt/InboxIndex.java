package jp.renkei.relay.receipt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The inboxes: addressee → file name → the message now under that name. The files themselves stay in the journal;
 * this index is rebuilt on start from the receipt log and the journal's replay.
 */
final class InboxIndex {
    private final Map<String, ConcurrentSkipListMap<String, String>> inboxFiles = new ConcurrentHashMap<>();

    /** {@code messageId} is now in {@code addressee}'s inbox under {@code fileName} (a later one replaces it). */
    void deliver(String addressee, String fileName, String messageId) {
        inboxFiles.computeIfAbsent(addressee, office -> new ConcurrentSkipListMap<>()).put(fileName, messageId);
    }

    /** The message id now in {@code office}'s inbox under {@code fileName}. */
    Optional<String> messageId(String office, String fileName) {
        Map<String, String> inbox = inboxFiles.get(office);
        return Optional.ofNullable(inbox == null ? null : inbox.get(fileName));
    }

    /** The names in {@code office}'s inbox whose message {@code listed} accepts, in {@link SendUnitOrder}. */
    List<String> names(String office, Predicate<String> listed) {
        Map<String, String> inbox = inboxFiles.get(office);
        if (inbox == null) {
            return List.of();
        }
        return SendUnitOrder.sorted(inbox.entrySet().stream().filter(file -> listed.test(file.getValue()))
                .map(Map.Entry::getKey));
    }

    /** Takes out of every inbox the messages {@code known} no longer accepts. */
    void keepOnly(Predicate<String> known) {
        for (Map<String, String> inbox : inboxFiles.values()) {
            inbox.values().removeIf(known.negate());
        }
    }
}
