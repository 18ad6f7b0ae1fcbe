package io.ordergate.gateway.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Exchange accounts whose link could not be made (opening it threw on the I/O thread, where nobody would have seen it):
 * each is logged once when it starts failing (the account and the error's type and message, never credentials, which
 * are opened only to sign), shown in the account's connection health ({@code link_failed}), and tried again with
 * back-off, as a user-data stream reconnects: from {@link #FIRST_RETRY_MILLIS}, doubling, at most
 * {@link #MAX_RETRY_MILLIS}. Orders meanwhile are reported rejected (no link), not left routed. Thread safe.
 */
final class LinkFailures
{
    private static final Logger LOG = Logger.getLogger(LinkFailures.class.getName());
    static final long FIRST_RETRY_MILLIS = 100;
    static final long MAX_RETRY_MILLIS = 5_000;

    /** Why the account's link could not be made, and how many times in a row. */
    record Failure(String reason, int attempts)
    {
    }

    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    /** Accounts with a retry scheduled: an order's attempt meanwhile fails too, but schedules no second one. */
    private final java.util.Set<String> retrying = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService io;

    LinkFailures(final ScheduledExecutorService io)
    {
        this.io = io;
    }

    /** Opens a link through {@code opening}; one that throws is noted and tried again by {@code retry}; null then. */
    <T> T open(final String accountId, final java.util.function.Supplier<T> opening, final Runnable retry)
    {
        try
        {
            final T link = opening.get();
            cleared(accountId);
            return link;
        }
        catch (final RuntimeException error)
        {
            failed(accountId, error, retry);
            return null;
        }
    }

    /** Opening the account's link threw: noted (logged the first time), and {@code retry} runs after the back-off. */
    private void failed(final String accountId, final RuntimeException error, final Runnable retry)
    {
        final String reason = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        final Failure failure = failing.merge(accountId, new Failure(reason, 1), (before, now) -> new Failure(reason, before.attempts() + 1));
        final long delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failure.attempts() - 1, 16));
        if (failure.attempts() == 1)
        {
            LOG.warning(() -> "exchange account " + accountId + ": its connection could not be made (" + reason + "); its orders are refused "
                + "until it is, tried again with back-off from " + delay + " ms");
        }
        if (retrying.add(accountId))
        {
            io.schedule(() ->
            {
                retrying.remove(accountId);
                retry.run();
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The account is gone: nothing about it is kept. */
    void forget(final String accountId)
    {
        failing.remove(accountId);
    }

    /** The account's link was made: it no longer fails. */
    private void cleared(final String accountId)
    {
        final Failure failure = failing.remove(accountId);
        if (failure != null)
        {
            LOG.info(() -> "exchange account " + accountId + ": connection made after " + failure.attempts() + " failed attempt(s)");
        }
    }

    /** Why the account's link could not be made, or null when it is not failing. */
    Failure of(final String accountId)
    {
        return failing.get(accountId);
    }
}
