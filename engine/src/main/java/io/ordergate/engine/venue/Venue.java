package io.ordergate.engine.venue;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.view.JsonWriter;

/**
 * A place orders go once they pass risk. Implementations run on the engine thread: deterministic, no I/O, no
 * clock, no allocation per order. An asynchronous venue marks the order routed and writes what must be sent
 * into the event, for the reply stage to hand to its connector. The symbol to send is
 * {@link Order#venueSymbolOrSymbol()}: a group member may map the gateway's instrument to its broker's name
 * ({@code EURUSD.m}, {@code GOLD}); risk, positions and answers keep the instrument.
 *
 * <p>A venue that holds positions itself (an MT5 terminal's tickets, not the engine's net positions) also answers
 * for them: listing, closing, modifying and closing all. The defaults describe a venue that holds none.
 */
public interface Venue
{
    /** What {@link #closePosition} and {@link #modifyPosition} answer for a position id the venue does not hold. */
    ResultCode NOT_HELD = ResultCode.NOT_FOUND;

    /**
     * @return null when the order was taken (filled, resting or routed), or the code it was rejected with after
     *         marking it rejected
     */
    ResultCode route(Order order, Account account, Instrument instrument, CommandEvent event);

    /** Writes the account's venue-held open positions as API.md position objects into the array in progress. */
    default void writePositions(final Account account, final JsonWriter json)
    {
    }

    /**
     * Closes (all, or {@code wireQuantity} at wire digits when {@code hasQuantity}) of a venue-held position the
     * principal may trade; answers into the event (the closing order) and returns its code, or {@link #NOT_HELD}
     * without touching the event when the position is not this venue's.
     */
    default ResultCode closePosition(
        final long positionId, final boolean hasQuantity, final long wireQuantity, final CommandEvent event)
    {
        return NOT_HELD;
    }

    /** Changes stops of a venue-held position (flags of CommandBodies.modifyPosition); as {@link #closePosition}. */
    default ResultCode modifyPosition(
        final long positionId, final int flags, final long wireStopLoss, final long wireTakeProfit, final CommandEvent event)
    {
        return NOT_HELD;
    }

    /** Receives each closing order a venue made for {@link #closePositions}. */
    @FunctionalInterface
    interface ClosingOrders
    {
        void closing(Order order, ResultCode code);
    }

    /**
     * Closes the account's venue-held positions in one instrument ({@code instrumentIndex}, or -1 for every one) on
     * one side ({@code direction} +1 longs, -1 shorts, 0 both), each with a closing order handed to {@code closing}.
     * For signals (close long, close short, close all); writes nothing to answer.
     */
    default void closePositions(
        final Account account, final int instrumentIndex, final int direction, final String origin, final CommandEvent event,
        final ClosingOrders closing)
    {
    }

    /** Closes every venue-held position of the account (the account is already paused); writes nothing to answer. */
    default void closeAll(final Account account, final CommandEvent event)
    {
    }

    /** PnL of the account's venue-held positions at the current quotes, in money units (0 for a venue holding none). */
    default long unrealized(final Account account)
    {
        return 0;
    }

    /** Margin the account's venue-held positions hold at the current quotes, in money units. */
    default long marginUsed(final Account account)
    {
        return 0;
    }

    /** A fingerprint of the venue's own state, mixed into the engine's state digest. */
    default long digest()
    {
        return 0;
    }
}
