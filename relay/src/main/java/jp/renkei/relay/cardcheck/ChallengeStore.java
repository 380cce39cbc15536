package jp.renkei.relay.cardcheck;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time challenges: 32 random bytes, valid for a fixed time, bound to the office that asked, usable once. At most
 * {@code capacity} are held; when full, expired ones go first, then the oldest (its check then fails with
 * CARD-CHAL-001 and the agent asks again), so a flood of requests cannot grow the relay's memory.
 */
final class ChallengeStore {
    static final int CHALLENGE_BYTES = 32;

    /** A challenge as handed to an office. */
    record Challenge(UUID id, String office, byte[] bytes, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Challenge> open = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration validity;
    private final int capacity;

    ChallengeStore(Clock clock, Duration validity, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the challenge capacity must be at least 1, was " + capacity);
        }
        this.clock = clock;
        this.validity = validity;
        this.capacity = capacity;
    }

    Challenge issue(String office) {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Challenge challenge = new Challenge(UUID.randomUUID(), office, bytes, now.plus(validity));
        synchronized (open) {
            dropExpired(now);
            if (open.size() >= capacity) {
                Iterator<UUID> oldest = open.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            open.put(challenge.id(), challenge);
        }
        return challenge;
    }

    /**
     * Takes the challenge out of the store (whatever the outcome: a challenge is tried once) and returns its bytes
     * when it was issued to {@code office} and has not expired.
     */
    Optional<byte[]> consume(UUID id, String office) {
        Challenge challenge;
        synchronized (open) {
            challenge = open.remove(id);
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

    /** Insertion order is expiry order (one validity for all), so expired challenges sit at the head. */
    private void dropExpired(Instant now) {
        Iterator<Challenge> challenges = open.values().iterator();
        while (challenges.hasNext() && !now.isBefore(challenges.next().expiresAt())) {
            challenges.remove();
        }
    }
}
