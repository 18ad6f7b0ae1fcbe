package io.ordergate.gateway.exchange;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.exchange.client.BalanceStreamMark;
import io.ordergate.exchange.client.VenueReports;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.PositionState;
import io.ordergate.exchange.venue.ExchangeBodies;

/**
 * One exchange account's reports, published into the ring as journaled {@code EXCHANGE_REPORT} and
 * {@code EXCHANGE_BALANCES} commands (system principal), so every answer of the exchange is one journal entry and one
 * engine step. A full ring is retried shortly after: a report is never dropped, and never overtaken either: while one
 * waits for room, the account's later reports queue behind it and go in the order they were made (a timeout's
 * {@code unknown} must not land after the fill that settled it, nor a partial fill after the final one). Thread safe:
 * called from the connector's I/O threads; one instance per account and term ({@link ExchangeIo} keeps it across its
 * links), the ring's try-publish being the only work done under its lock.
 */
final class RingReports implements VenueReports
{
    static final long RING_FULL_RETRY_MILLIS = 5;

    /** Where reports go: the ring, through the publisher; false when it is full (nothing was published). */
    @FunctionalInterface
    interface Ring
    {
        boolean publish(CommandType type, Consumer<BodyWriter> body);
    }

    /** A report the ring had no room for yet. */
    private record Waiting(CommandType type, Consumer<BodyWriter> body)
    {
    }

    private final String accountId;
    private final Ring ring;
    private final ScheduledExecutorService scheduler;
    /** Reports made while the first of them waits for room in the ring, oldest first; guarded by this. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    RingReports(final String accountId, final CommandPublisher publisher, final ScheduledExecutorService scheduler)
    {
        this(accountId, (type, body) -> publisher.publish(type, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, body::accept, null, null),
            scheduler);
    }

    RingReports(final String accountId, final Ring ring, final ScheduledExecutorService scheduler)
    {
        this.accountId = accountId;
        this.ring = ring;
        this.scheduler = scheduler;
    }

    @Override
    public void state(final long orderId, final OrderState state)
    {
        final long qty = ExchangeBodies.amount(state.executedQty());
        final long quote = ExchangeBodies.amount(state.cumulativeQuote());
        final long fee = ExchangeBodies.amount(state.fee());
        final long feeQuantity = ExchangeBodies.amount(state.feeQuantity());
        publish(CommandType.EXCHANGE_REPORT, writer -> ExchangeBodies.report(writer, accountId, orderId, ExchangeBodies.REPORT_STATE,
            state.status().ordinal() + 1, qty, quote, state.venueOrderId(), null, null, 0, fee, feeQuantity));
    }

    @Override
    public void rejected(final long orderId, final String code, final String message)
    {
        report(orderId, ExchangeBodies.REPORT_REJECTED, 0, 0, 0, null, code, message, 0);
    }

    @Override
    public void unknown(final long orderId, final String why)
    {
        report(orderId, ExchangeBodies.REPORT_UNKNOWN, 0, 0, 0, null, null, why, 0);
    }

    @Override
    public void unavailable(final long orderId, final long untilMillis, final String message)
    {
        report(orderId, ExchangeBodies.REPORT_UNAVAILABLE, 0, 0, 0, null, null, message, untilMillis);
    }

    @Override
    public void balances(final Map<String, BigDecimal[]> balances, final boolean complete)
    {
        publish(CommandType.EXCHANGE_BALANCES, writer -> writeBalances(writer, accountId, balances,
            complete ? ExchangeBodies.BALANCES_COMPLETE : ExchangeBodies.BALANCES_DELTA));
    }

    @Override
    public void balances(final Map<String, BigDecimal[]> balances, final boolean complete, final BalanceStreamMark mark)
    {
        publish(CommandType.EXCHANGE_BALANCES, writer -> writeMarkedBalances(writer, accountId, balances,
            complete ? ExchangeBodies.BALANCES_COMPLETE : ExchangeBodies.BALANCES_DELTA, ExchangeBodies.NO_SYNC_REQUEST, mark));
    }

    /**
     * A read of the account's balances that no caller waits for (the first read of an expert's new account): journaled as
     * a sync read without a request id, queued and retried like every report here, so a full ring delays it, never loses it.
     */
    void syncRead(final Map<String, BigDecimal[]> balances, final BalanceStreamMark mark)
    {
        publish(CommandType.EXCHANGE_BALANCES, writer -> writeMarkedBalances(writer, accountId, balances, ExchangeBodies.BALANCES_SYNC,
            ExchangeBodies.NO_SYNC_REQUEST, mark));
    }

    /**
     * An EXCHANGE_BALANCES body that ends with the stream mark of the read or update it carries, so that the engine keeps
     * a stream update over a read older than it (sync-balance's read, journaled by its route, may land after it).
     *
     * @param requestId on a sync read, the EXCHANGE_SYNC_REQUEST it answers, or {@link ExchangeBodies#NO_SYNC_REQUEST}
     */
    static void writeMarkedBalances(final BodyWriter writer, final String accountId, final Map<String, BigDecimal[]> balances, final int kind,
        final long requestId, final BalanceStreamMark mark)
    {
        final boolean figures = writeBalances(writer, accountId, balances, kind);
        ExchangeBodies.streamMark(writer, kind, figures, requestId, mark.session(), mark.updates());
    }

    /**
     * A sync EXCHANGE_BALANCES body that names the EXCHANGE_SYNC_REQUEST it answers, as journaled before stream marks
     * (the leader now writes {@link #writeMarkedBalances}); kept so that tests write the older records.
     */
    static void writeSyncBalances(final BodyWriter writer, final String accountId, final Map<String, BigDecimal[]> balances, final long requestId)
    {
        final boolean figures = writeBalances(writer, accountId, balances, ExchangeBodies.BALANCES_SYNC);
        ExchangeBodies.syncRequestId(writer, figures, requestId);
    }

    /**
     * An EXCHANGE_BALANCES body (also sync-balance's, published by its route with the caller waiting).
     *
     * @return whether it ends with the futures figures
     */
    static boolean writeBalances(final BodyWriter writer, final String accountId, final Map<String, BigDecimal[]> balances, final int kind)
    {
        ExchangeBodies.balancesHeader(writer, accountId, balances.size());
        for (final Map.Entry<String, BigDecimal[]> balance : balances.entrySet())
        {
            ExchangeBodies.balance(writer, balance.getKey(), ExchangeBodies.amount(balance.getValue()[0]), ExchangeBodies.amount(balance.getValue()[1]));
        }
        ExchangeBodies.balancesKind(writer, kind);
        if (balances.values().stream().anyMatch(amounts -> amounts.length >= 4))
        {
            final long[][] figures = new long[balances.size()][];
            int i = 0;
            for (final BigDecimal[] amounts : balances.values())
            {
                figures[i++] = amounts.length >= 4 ? new long[] {ExchangeBodies.amount(amounts[2]), ExchangeBodies.amount(amounts[3])}
                    : new long[] {0, ExchangeBodies.amount(amounts[0].add(amounts[1]))};
            }
            ExchangeBodies.balanceFigures(writer, figures);
            return true;
        }
        return false;
    }

    /** One EXCHANGE_POSITIONS: the exchange's net position per symbol (hedge mode's long minus its short). */
    @Override
    public void positions(final List<PositionState> positions, final long readStartedMillis)
    {
        final Map<String, BigDecimal[]> bySymbol = new TreeMap<>();  // symbol -> {net, entry, mark, largest side}
        final java.util.Set<String> longs = new java.util.TreeSet<>();
        final java.util.Set<String> shorts = new java.util.TreeSet<>();
        for (final PositionState p : positions)
        {
            if (p.amount().signum() != 0 && "LONG".equals(p.positionSide()))
            {
                longs.add(p.symbol());
            }
            if (p.amount().signum() != 0 && "SHORT".equals(p.positionSide()))
            {
                shorts.add(p.symbol());
            }
            final BigDecimal[] net = bySymbol.computeIfAbsent(p.symbol(), s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, p.markPrice(),
                BigDecimal.ZERO});
            net[0] = net[0].add(p.netAmount());
            if (p.amount().abs().compareTo(net[3]) > 0)
            {
                net[1] = p.entryPrice();  // hedged: the entry of the larger side, which the net lies on
                net[3] = p.amount().abs();
            }
        }
        // both sides held (hedge mode): one net position cannot hold them apart, so they go by name, not as a net
        longs.retainAll(shorts);
        bySymbol.keySet().removeAll(longs);
        publish(CommandType.EXCHANGE_POSITIONS, writer ->
        {
            ExchangeBodies.positionsHeader(writer, accountId, readStartedMillis * 1_000, bySymbol.size());
            bySymbol.forEach((symbol, net) -> ExchangeBodies.position(writer, symbol, ExchangeBodies.amount(net[0]), ExchangeBodies.amount(net[1]),
                ExchangeBodies.amount(net[2])));
            ExchangeBodies.positionsHeldBothSides(writer, longs);
        });
    }

    @Override
    public void settings(final FuturesSettings settings, final boolean applied, final String code, final String message)
    {
        final String ascii = message == null ? null : message.replaceAll("[^\\x20-\\x7e]", "?");
        publish(CommandType.EXCHANGE_SETTINGS_REPORT, writer -> ExchangeBodies.settingsReport(writer, accountId, settings.symbol(),
            FuturesCodes.leverage(settings), FuturesCodes.marginMode(settings), FuturesCodes.positionMode(settings), applied, code, ascii));
    }

    private void report(final long orderId, final int kind, final int status, final long qty, final long quote, final String venueOrderId,
        final String code, final String message, final long untilMillis)
    {
        final String ascii = message == null ? null : message.replaceAll("[^\\x20-\\x7e]", "?");
        publish(CommandType.EXCHANGE_REPORT, writer -> ExchangeBodies.report(writer, accountId, orderId, kind, status, qty, quote, venueOrderId, code,
            ascii, untilMillis));
    }

    private synchronized void publish(final CommandType type, final Consumer<BodyWriter> body)
    {
        if (!waiting.isEmpty())
        {
            waiting.addLast(new Waiting(type, body));  // behind the report that waits for room: never ahead of it
            return;
        }
        if (!ring.publish(type, body))
        {
            waiting.addLast(new Waiting(type, body));
            retryLater();
        }
    }

    /** Publishes the waiting reports in order, as far as the ring has room; the rest wait for the next try. */
    private synchronized void publishWaiting()
    {
        for (Waiting first = waiting.peekFirst(); first != null; first = waiting.peekFirst())
        {
            if (!ring.publish(first.type(), first.body()))
            {
                retryLater();
                return;
            }
            waiting.removeFirst();
        }
    }

    private void retryLater()
    {
        scheduler.schedule(this::publishWaiting, RING_FULL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
