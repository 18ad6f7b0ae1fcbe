package io.ordergate.gateway.exchange;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One account's futures settings sent one after another, in the order the engine journaled them, across replacements
 * of the account's link: the only place that order is kept (a link's {@code FuturesSetup} sends as soon as asked).
 * Without it a later leverage within the symbol's known highest would go out while an earlier one waits for the
 * brackets answer, and settings a replaced link closed underneath, sent again on the link that took over, would go after
 * a later one already sent there; either way the exchange would keep the earlier (ExchangeFuturesHttpTest). Each
 * account's settings wait for the previous ones' last outcome, the sending again included. Thread safe.
 */
final class SettingsInOrder
{
    private static final CompletableFuture<Void> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

    private final Map<String, CompletableFuture<?>> lastByAccount = new ConcurrentHashMap<>();
    private final Executor io;

    SettingsInOrder(final Executor io)
    {
        this.io = io;
    }

    /** Runs {@code send} on the connector's threads once the account's settings asked before it have ended, whatever their outcome. */
    void after(final String accountId, final Supplier<CompletableFuture<?>> send)
    {
        final CompletableFuture<?>[] queued = new CompletableFuture<?>[1];
        lastByAccount.compute(accountId, (id, before) -> queued[0] = (before == null ? NOTHING_BEFORE : before)
            .handle((outcome, failure) -> null)
            .thenComposeAsync(ignored -> send.get(), io));
        queued[0].whenComplete((outcome, failure) -> lastByAccount.remove(accountId, queued[0]));  // no entry kept per idle account
    }
}
