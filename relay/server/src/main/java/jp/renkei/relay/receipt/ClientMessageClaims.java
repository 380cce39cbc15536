package jp.renkei.relay.receipt;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client message ids (the agent's {@code X-Renkei-Message-Id}): the first upload under an (office, id) pair owns it and
 * journals the file; a repeat — the same upload retried after a lost answer — gets the first one's answer instead of
 * a second message.
 */
final class ClientMessageClaims {
    private record ClientKey(String office, String clientMessageId) {
    }

    private final Map<ClientKey, CompletableFuture<Accepted>> firstAnswers = new ConcurrentHashMap<>();

    /** A journaled message under its client id: the answer for every later upload with that id. */
    void journaled(String office, String clientMessageId, Accepted accepted) {
        synchronized (firstAnswers) {
            firstAnswers.computeIfAbsent(new ClientKey(office, clientMessageId), key -> new CompletableFuture<>())
                    .complete(accepted);
        }
    }

    /** See {@link MessageLedger#claim}. */
    CompletableFuture<Accepted> claim(String office, String clientMessageId, CompletableFuture<Accepted> mine) {
        return firstAnswers.putIfAbsent(new ClientKey(office, clientMessageId), mine);
    }

    /** See {@link MessageLedger#release}. */
    void release(String office, String clientMessageId, CompletableFuture<Accepted> mine, Throwable why) {
        synchronized (firstAnswers) {
            if (mine.isDone()) {
                return;
            }
            firstAnswers.remove(new ClientKey(office, clientMessageId), mine);
            mine.completeExceptionally(why);
        }
    }

    /** Forgets the ids whose message is at or before journal sequence {@code sequence} (retention deleted it). */
    void forgetUpTo(long sequence) {
        synchronized (firstAnswers) {
            firstAnswers.values().removeIf(answer -> answer.isDone() && !answer.isCompletedExceptionally()
                    && answer.join().sequence() <= sequence);
        }
    }
}
