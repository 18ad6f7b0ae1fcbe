package io.ordergate.exchange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.ordergate.exchange.client.VenueReports;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState;

/** What a session reported, for tests: every report in order, and the last word per order. */
final class RecordedReports implements VenueReports
{
    record Report(long orderId, String kind, OrderState state, String text)
    {
    }

    final List<Report> all = new CopyOnWriteArrayList<>();
    final Map<String, BigDecimal[]> balances = new ConcurrentHashMap<>();
    /** Complete balance reads reported (each replaces what {@link #balances} held for the assets it lists). */
    final java.util.concurrent.atomic.AtomicInteger completeBalanceReads = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void state(final long orderId, final OrderState state)
    {
        all.add(new Report(orderId, "state", state, null));
    }

    @Override
    public void rejected(final long orderId, final String code, final String message)
    {
        all.add(new Report(orderId, "rejected", null, code + " " + message));
    }

    @Override
    public void unknown(final long orderId, final String why)
    {
        all.add(new Report(orderId, "unknown", null, why));
    }

    @Override
    public void unavailable(final long orderId, final long untilMillis, final String message)
    {
        all.add(new Report(orderId, "unavailable", null, message));
    }

    @Override
    public void balances(final Map<String, BigDecimal[]> changed, final boolean complete)
    {
        balances.putAll(changed);
        if (complete)
        {
            completeBalanceReads.incrementAndGet();
        }
    }

    @Override
    public void settings(final FuturesSettings settings, final boolean applied, final String code, final String message)
    {
        all.add(new Report(-1, applied ? "settings applied" : "settings refused", null, settings + " " + code + " " + message));
    }

    boolean saw(final long orderId, final String kind)
    {
        return all.stream().anyMatch(r -> r.orderId() == orderId && r.kind().equals(kind));
    }

    boolean reached(final long orderId, final OrderState.Status status)
    {
        return all.stream().anyMatch(r -> r.orderId() == orderId && r.state() != null && r.state().status() == status);
    }

    /** Waits (bounded) for a report matching. */
    Report await(final String what, final Predicate<Report> match) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            for (final Report report : all)
            {
                if (match.test(report))
                {
                    return report;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no report within 20 s: " + what + "; got " + all);
    }

    Report awaitStatus(final long orderId, final OrderState.Status status) throws InterruptedException
    {
        return await("order " + orderId + " " + status, r -> r.orderId() == orderId && r.state() != null && r.state().status() == status);
    }
}
