package jp.renkei.relay.agent;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * When the agent tries a file again: on any answer but an acknowledgement or a refusal of the file (4xx other than 429)
 * and on connection failures, at most {@code maximumAttempts} times, the pause doubling from {@code firstBackOff} unless
 * the relay's {@code Retry-After} says otherwise.
 */
record UploadRetryPolicy(int maximumAttempts, Duration firstBackOff) {
    /** Six attempts from 200 ms: about 6 s in all before a file is left in the outbox for the next pass. */
    static final UploadRetryPolicy DEFAULT = new UploadRetryPolicy(6, Duration.ofMillis(200));

    UploadRetryPolicy {
        if (maximumAttempts < 1 || firstBackOff.isNegative()) {
            throw new IllegalArgumentException("at least one attempt and a back-off of zero or more");
        }
    }

    /** The same policy with another first pause (tests of an unreachable relay need not wait the real one). */
    UploadRetryPolicy withFirstBackOff(Duration backOff) {
        return new UploadRetryPolicy(maximumAttempts, backOff);
    }

    /** A refusal of the file itself (4xx but 429): no attempt changes it. Anything else but success is tried again. */
    static boolean refusesTheFile(int status) {
        return status >= 400 && status < 500 && status != 429;
    }

    /** The pause after an attempt answered {@code response}: its {@code Retry-After} (seconds), else {@code current}. */
    static Duration pauseAfter(HttpResponse<?> response, Duration current) {
        Optional<Duration> asked = response.headers().firstValue("Retry-After").filter(value -> value.matches("\\d{1,4}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)));
        return asked.orElse(current);
    }

    /** The pause after {@code previous} when the relay asked for none. */
    static Duration doubled(Duration previous) {
        return previous.multipliedBy(2);
    }
}
