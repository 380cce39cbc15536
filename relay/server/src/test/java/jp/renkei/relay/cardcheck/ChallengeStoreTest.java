package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.renkei.relay.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ChallengeStoreTest {
    private static final String OFFICE = "3110000011";
    private static final String OTHER = "3110000029";
    private static final String THIRD = "3110000037";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    private final ChallengeStore store = new ChallengeStore(clock, Duration.ofSeconds(60), 3);

    @Test
    void aChallengeIsConsumedOnceByItsOffice() {
        ChallengeStore.Challenge challenge = store.issue(OFFICE).orElseThrow();

        assertThat(store.consume(challenge.id(), OFFICE)).hasValue(challenge.bytes());
        assertThat(store.consume(challenge.id(), OFFICE)).isEmpty();
    }

    @Test
    void anotherOfficesAttemptSpendsTheChallenge() {
        ChallengeStore.Challenge challenge = store.issue(OFFICE).orElseThrow();

        assertThat(store.consume(challenge.id(), "3110000029")).isEmpty();
        assertThat(store.consume(challenge.id(), OFFICE)).isEmpty();
    }

    @Test
    void aChallengeExpiresAtItsExpiryInstant() {
        ChallengeStore.Challenge fresh = store.issue(OFFICE).orElseThrow();
        ChallengeStore.Challenge stale = store.issue(OFFICE).orElseThrow();
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.consume(fresh.id(), OFFICE)).isPresent();

        clock.advance(Duration.ofSeconds(1));

        assertThat(stale.expiresAt()).isEqualTo(clock.instant());
        assertThat(store.consume(stale.id(), OFFICE)).isEmpty();
    }

    @Test
    void aFullStoreDropsExpiredChallengesFirstThenRefusesRatherThanTakeAnotherOfficesChallenge() {
        ChallengeStore.Challenge expired = store.issue(OFFICE).orElseThrow();
        clock.advance(Duration.ofSeconds(61));
        ChallengeStore.Challenge first = store.issue(OFFICE).orElseThrow();
        ChallengeStore.Challenge second = store.issue(OTHER).orElseThrow();
        ChallengeStore.Challenge third = store.issue(OTHER).orElseThrow();
        assertThat(store.size()).isEqualTo(3);

        assertThat(store.issue(THIRD)).as("full of others' live challenges").isEmpty();

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.consume(expired.id(), OFFICE)).isEmpty();
        assertThat(store.consume(first.id(), OFFICE)).isPresent();
        assertThat(store.consume(second.id(), OTHER)).isPresent();
        assertThat(store.consume(third.id(), OTHER)).isPresent();
        assertThat(store.issue(THIRD)).as("room again").isPresent();
    }

    /**
     * The flood that made every other office's check fail: one office asking in a loop now only replaces its own
     * oldest challenges, and another office's challenge, asked for before the flood, still works after it.
     */
    @Test
    void anOfficeAskingInALoopReplacesOnlyItsOwnChallenges() {
        ChallengeStore roomy = new ChallengeStore(clock, Duration.ofSeconds(60), 10_000, 8);
        ChallengeStore.Challenge honest = roomy.issue(OTHER).orElseThrow();

        for (int i = 0; i < 20_000; i++) {
            assertThat(roomy.issue(OFFICE)).isPresent();
        }

        assertThat(roomy.openFor(OFFICE)).isEqualTo(8);
        assertThat(roomy.size()).isEqualTo(9);
        assertThat(roomy.consume(honest.id(), OTHER)).hasValue(honest.bytes());
    }

    @Test
    void challengesAreThirtyTwoDistinctRandomBytes() {
        byte[] first = store.issue(OFFICE).orElseThrow().bytes();
        byte[] second = store.issue(OFFICE).orElseThrow().bytes();

        assertThat(first).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}
