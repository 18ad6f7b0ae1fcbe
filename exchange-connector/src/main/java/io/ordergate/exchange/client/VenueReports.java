package io.ordergate.exchange.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.PositionState;

/**
 * Where one exchange account's session tells what it learnt. The gateway's implementation publishes each as a
 * journaled venue report into the ring; tests record them. Called from the connector's I/O threads.
 */
public interface VenueReports
{
    /** The exchange's word on an order: cumulative, so the same state twice changes nothing. */
    void state(long orderId, OrderState state);

    /** The exchange refused the order and executed nothing. */
    void rejected(long orderId, String code, String message);

    /** Nobody knows yet whether the order executed: it is {@code unknown} until reconciled. */
    void unknown(long orderId, String why);

    /** The order was not sent because the exchange's ban is in force until {@code untilMillis}. */
    void unavailable(long orderId, long untilMillis, String message);

    /**
     * Balances per asset, {@code {free, locked}}, as the exchange last said.
     *
     * @param complete true for the whole account (assets not named are gone), false for the assets a stream event changed
     */
    void balances(Map<String, BigDecimal[]> balances, boolean complete);

    /**
     * Balances as {@link #balances(Map, boolean)}, with how far the session's stream had got ({@link BalanceStreamMark}):
     * a sink that journals them keeps the mark with them; one that does not (a test's) may ignore it.
     */
    default void balances(final Map<String, BigDecimal[]> balances, final boolean complete, final BalanceStreamMark mark)
    {
        balances(balances, complete);
    }

    /**
     * The exchange's futures positions, read after the session's orders were asked for; the engine applies what it
     * missed, once, unless a fill it books or an order still working in the symbol may already be in the read.
     *
     * @param readStartedMillis the wall clock when the read was sent: a fill booked from then on may or may not be in it
     */
    default void positions(final List<PositionState> positions, final long readStartedMillis)
    {
        // a report sink with no positions (a spot test's) ignores them
    }

    /** What became of futures settings the account asked for: applied, or refused with the exchange's code and message. */
    void settings(FuturesSettings settings, boolean applied, String code, String message);
}
