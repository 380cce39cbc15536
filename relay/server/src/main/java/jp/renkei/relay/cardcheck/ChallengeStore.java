package jp.renkei.relay.cardcheck;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time challenges: 32 random bytes, valid for a fixed time, bound to the office that asked, usable once.
 *
 * <p>What one office asks for can cost only that office: it holds at most {@code perOffice} open challenges, and a
 * further one replaces its own oldest (whose check then fails with CARD-CHAL-001). Before, one store-wide capacity
 * evicted the oldest of anyone's, so one office asking in a loop made every other office's check fail. The store as a
 * whole still holds at most {@code capacity}, so memory stays bounded; when it is full of other offices' live
 * challenges a new one is refused (the handler answers 503 with Retry-After) rather than taken from someone else.
 */
final class ChallengeStore {
    static final int CHALLENGE_BYTES = 32;
    /** A counter with a few card readers checking at once, and a retry or two each. */
    static final int DEFAULT_PER_OFFICE = 8;

    /** A challenge as handed to an office. */
    record Challenge(UUID id, String office, byte[] bytes, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    /** Insertion order is expiry order (one validity for all). */
    private final Map<UUID, Challenge> open = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<UUID>> openByOffice = new HashMap<>();
    private final Clock clock;
    private final Duration validity;
    private final int capacity;
    private final int perOffice;

    ChallengeStore(Clock clock, Duration validity, int capacity) {
        this(clock, validity, capacity, DEFAULT_PER_OFFICE);
    }

    ChallengeStore(Clock clock, Duration validity, int capacity, int perOffice) {
        if (capacity < 1 || perOffice < 1) {
            throw new IllegalArgumentException("the challenge capacity and the challenges per office must be at least 1,"
                    + " were " + capacity + " and " + perOffice);
        }
        this.clock = clock;
        this.validity = validity;
        this.capacity = capacity;
        this.perOffice = perOffice;
    }

    Duration validity() {
        return validity;
    }

    /** A new challenge for {@code office}, or empty when the store is full of other offices' live challenges. */
    Optional<Challenge> issue(String office) {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Challenge challenge = new Challenge(UUID.randomUUID(), office, bytes, now.plus(validity));
        synchronized (open) {
            dropExpired(now);
            ArrayDeque<UUID> mine = openByOffice.computeIfAbsent(office, ignored -> new ArrayDeque<>());
            if (mine.size() >= perOffice) {
                open.remove(mine.removeFirst());
            }
            if (open.size() >= capacity) {
                if (mine.isEmpty()) {
                    openByOffice.remove(office);
                }
                return Optional.empty();
            }
            open.put(challenge.id(), challenge);
            mine.addLast(challenge.id());
        }
        return Optional.of(challenge);
    }

    /**
     * Takes the challenge out of the store (whatever the outcome: a challenge is tried once) and returns its bytes
     * when it was issued to {@code office} and has not expired.
     */
    Optional<byte[]> consume(UUID id, String office) {
        Challenge challenge;
        synchronized (open) {
            challenge = open.remove(id);
            if (challenge != null) {
                forget(challenge);
            }
        }
        if (challenge == null || !challenge.office().equals(office) || !clock.instant().isBefore(challenge.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(challenge.bytes());
    }

    int size() {
        synchronized (open) {
            return open.size();
        }
    }

    int openFor(String office) {
        synchronized (open) {
            ArrayDeque<UUID> mine = openByOffice.get(office);
            return mine == null ? 0 : mine.size();
        }
    }

    /** Expired challenges sit at the head of the insertion order. */
    private void dropExpired(Instant now) {
        Iterator<Challenge> challenges = open.values().iterator();
        while (challenges.hasNext()) {
            Challenge next = challenges.next();
            if (now.isBefore(next.expiresAt())) {
                return;
            }
            challenges.remove();
            forget(next);
        }
    }

    private void forget(Challenge challenge) {
        ArrayDeque<UUID> theirs = openByOffice.get(challenge.office());
        if (theirs != null) {
            theirs.remove(challenge.id());
            if (theirs.isEmpty()) {
                openByOffice.remove(challenge.office());
            }
        }
    }
}
