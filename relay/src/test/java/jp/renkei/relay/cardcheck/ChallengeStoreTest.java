package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.renkei.relay.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ChallengeStoreTest {
    private static final String OFFICE = "3110000011";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));
    private final ChallengeStore store = new ChallengeStore(clock, Duration.ofSeconds(60), 3);

    @Test
    void aChallengeIsConsumedOnceByItsOffice() {
        ChallengeStore.Challenge challenge = store.issue(OFFICE);

        assertThat(store.consume(challenge.id(), OFFICE)).hasValue(challenge.bytes());
        assertThat(store.consume(challenge.id(), OFFICE)).isEmpty();
    }

    @Test
    void anotherOfficesAttemptSpendsTheChallenge() {
        ChallengeStore.Challenge challenge = store.issue(OFFICE);

        assertThat(store.consume(challenge.id(), "3110000029")).isEmpty();
        assertThat(store.consume(challenge.id(), OFFICE)).isEmpty();
    }

    @Test
    void aChallengeExpiresAtItsExpiryInstant() {
        ChallengeStore.Challenge fresh = store.issue(OFFICE);
        ChallengeStore.Challenge stale = store.issue(OFFICE);
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.consume(fresh.id(), OFFICE)).isPresent();

        clock.advance(Duration.ofSeconds(1));

        assertThat(stale.expiresAt()).isEqualTo(clock.instant());
        assertThat(store.consume(stale.id(), OFFICE)).isEmpty();
    }

    @Test
    void aFullStoreDropsExpiredChallengesFirstThenTheOldest() {
        ChallengeStore.Challenge expired = store.issue(OFFICE);
        clock.advance(Duration.ofSeconds(61));
        ChallengeStore.Challenge oldest = store.issue(OFFICE);
        ChallengeStore.Challenge middle = store.issue(OFFICE);
        ChallengeStore.Challenge newest = store.issue(OFFICE);
        assertThat(store.size()).isEqualTo(3);

        ChallengeStore.Challenge overflow = store.issue(OFFICE);

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.consume(expired.id(), OFFICE)).isEmpty();
        assertThat(store.consume(oldest.id(), OFFICE)).isEmpty();
        assertThat(store.consume(middle.id(), OFFICE)).isPresent();
        assertThat(store.consume(newest.id(), OFFICE)).isPresent();
        assertThat(store.consume(overflow.id(), OFFICE)).isPresent();
    }

    @Test
    void challengesAreThirtyTwoDistinctRandomBytes() {
        byte[] first = store.issue(OFFICE).bytes();
        byte[] second = store.issue(OFFICE).bytes();

        assertThat(first).hasSize(32);
        assertThat(first).isNotEqualTo(second);
    }
}
