package io.ordergate.gateway.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.ordergate.gateway.core.CommandPublisher;

/**
 * Each exchange account's {@link RingReports}, one per account and term: the links an account has in a term (new
 * credentials make a new one) share it, so a new link's reports queue behind a report of the old one that waits for
 * room in the ring instead of overtaking it. A later term (a new publisher) starts a new one. Thread safe.
 */
final class AccountReports
{
    private final Map<String, Term> byAccount = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    AccountReports(final ScheduledExecutorService scheduler)
    {
        this.scheduler = scheduler;
    }

    /** The account's reports published by {@code publisher}: this term's, or new ones for a new publisher. */
    RingReports of(final String accountId, final CommandPublisher publisher)
    {
        return byAccount.compute(accountId, (id, kept) -> kept != null && kept.publisher() == publisher ? kept
            : new Term(publisher, new RingReports(id, publisher, scheduler))).reports();
    }

    /** The account was removed. */
    void forget(final String accountId)
    {
        byAccount.remove(accountId);
    }

    private record Term(CommandPublisher publisher, RingReports reports)
    {
    }
}
