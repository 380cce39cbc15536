package jp.renkei.relay.agent;

import java.time.Duration;

/**
 * How the agent waits between attempts of an upload and asks whether it should go on: for real in a one-pass run,
 * cut short by a stopping {@link AgentLoop} in a watching one (so Ctrl-C does not wait out a back-off).
 */
public interface Sleeper {
    /** Sleeps for real and never stops. */
    Sleeper REAL = new Sleeper() {
        @Override
        public boolean sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
            return true;
        }

        @Override
        public boolean stopping() {
            return false;
        }
    };

    /** Waits {@code duration}; false (possibly sooner) when the agent is stopping and the caller should give up. */
    boolean sleep(Duration duration) throws InterruptedException;

    /** The agent was asked to stop: finish the file in flight, start no other. */
    boolean stopping();
}
