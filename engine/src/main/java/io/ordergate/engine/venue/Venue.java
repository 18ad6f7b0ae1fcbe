package io.ordergate.engine.venue;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.view.JsonWriter;

/**
 * A place orders go once they pass risk, plugged into the engine for one {@link io.ordergate.config.VenueKind}
 * ({@link Venues#register}); every account of that kind trades there. The paper venue is one, the MT5 connector's
 * another. Implementations run on the engine thread: deterministic, no I/O, no clock, no allocation per order.
 *
 * <p><b>Synchronous or asynchronous.</b> A venue that decides at once (paper) settles the order in {@link #route}:
 * filled, resting or expired. A venue behind a network (MT5, an exchange) marks the order {@code routed} and writes
 * what must be sent into the event's outbox, for the reply stage to hand to its connector; the connector's answers
 * come back through the ring as journaled commands of its own ({@code Engine.handle}), whose handlers settle the
 * order: accepted by the venue, partially filled, filled, rejected, or {@code unknown} until reconciled. Every
 * message carries an id derived from the order id, so a resend after a crash cannot trade twice. The symbol to send
 * is {@link Order#venueSymbolOrSymbol()}: a group member may map the gateway's instrument to its broker's name
 * ({@code EURUSD.m}, {@code GOLD}); risk, positions and answers keep the instrument.
 *
 * <p><b>Whose positions.</b> By default a venue's fills are booked on the engine's net positions (one per account
 * and instrument: {@code Ledger}), which the engine lists, values, protects with stops and closes by sending a
 * closing order to the venue. A venue that holds positions itself (an MT5 terminal's tickets) says so with
 * {@link #holdsPositions} and answers for them: listing, valuing, closing, modifying and closing all. The defaults
 * describe a venue that holds none.
 */
public interface Venue
{
    /** What {@link #closePosition} and {@link #modifyPosition} answer for a position id the venue does not hold. */
    ResultCode NOT_HELD = ResultCode.NOT_FOUND;

    // ---- orders ----

    /**
     * Takes an order that passed risk (also the engine's own closing orders of net positions).
     *
     * @return null when the order was taken (filled, resting or routed), or the code it was rejected with after
     *         marking it rejected
     */
    ResultCode route(Order order, Account account, Instrument instrument, CommandEvent event);

    /**
     * Cancels an open order of this venue, or asks the venue to.
     *
     * @return {@link ResultCode#OK} when the order is cancelled now; {@link ResultCode#ACCEPTED} when a cancel was
     *         sent and the venue's report will settle the order; {@link ResultCode#CONFLICT} when the order cannot be
     *         cancelled here (the default: an order already at a venue that takes no cancels)
     */
    default ResultCode cancel(final Order order, final Account account, final CommandEvent event)
    {
        return ResultCode.CONFLICT;
    }

    /** Cancels (or asks to cancel) every open order of the account, for kill switches; answers how many. */
    default int cancelOpenOrders(final Account account, final CommandEvent event)
    {
        return 0;
    }

    /** A quote for the instrument was applied: a venue matching against the gateway's quotes fills what it reached. */
    default void quoted(final Instrument instrument, final CommandEvent event)
    {
    }

    // ---- positions the venue holds itself ----

    /**
     * True when the venue holds the account's positions itself (MT5 tickets), false when they are the engine's net
     * ones. A constant of the venue: read once, when it is registered.
     */
    default boolean holdsPositions()
    {
        return false;
    }

    /** Writes the account's venue-held open positions as API.md position objects into the array in progress. */
    default void writePositions(final Account account, final JsonWriter json)
    {
    }

    /**
     * Writes the account's venue-held open positions as seed 001's expert positions ({@code side} long|short, {@code size},
     * {@code entry_price}, {@code leverage}, {@code margin_used}, {@code liquidation_price}, {@code created_at}, ...) into
     * the array in progress: {@code GET /experts/{id}/positions} of an expert on such an account.
     */
    default void writeExpertPositions(final Account account, final JsonWriter json)
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
        /** @param order the closing order, or null when none could be made (the order table full of open orders: {@code code} says so) */
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

    /**
     * Closes every venue-held position of the account (the account is already paused); writes nothing to answer when
     * the close is under way (or there is nothing to close).
     *
     * @return null, or the code it rejected the event with when it could send nothing (the close-all then answers that,
     *     not success: the account stays paused, and what can be cancelled of its open orders is)
     */
    default ResultCode closeAll(final Account account, final CommandEvent event)
    {
        return null;
    }

    /** PnL of the account's venue-held positions at the current quotes, in money units (0 for a venue holding none). */
    default long unrealized(final Account account)
    {
        return 0;
    }

    /**
     * The gross size (instrument digits) of the account's venue-held open positions in the instrument, longs and
     * shorts alike: what {@code max_position_quantity} counts for an account whose positions the venue holds.
     */
    default long heldQuantity(final Account account, final Instrument instrument)
    {
        return 0;
    }

    /** Margin the account's venue-held positions hold at the current quotes, in money units. */
    default long marginUsed(final Account account)
    {
        return 0;
    }

    /**
     * True when the venue holds open positions for the account and can value every one of them at the gateway's quotes:
     * the account's equity is then its balance plus {@link #unrealized}, not the venue's last reported figure.
     */
    default boolean valuesOpenHoldings(final Account account)
    {
        return false;
    }

    /**
     * Writes the balances the venue holds for the account, per asset ({@code "USDT": {"total", "available", "locked"}}),
     * as members of an object in progress: seed 001's balance view shows the exchange's assets, not the account's currency.
     *
     * @return false, writing nothing, when the venue keeps no balances of its own for the account (the default: paper, MT5)
     */
    default boolean writeAssetBalances(final Account account, final JsonWriter json)
    {
        return false;
    }

    /**
     * The leverage the venue holds the account's positions in the instrument at (a futures exchange account's leverage
     * for the symbol, which an expert's {@code strategy_config.leverage} sets): what a position view shows and measures its
     * margin and liquidation price with, and what the engine's margin used and margin check count the position at. The
     * account's own leverage by default. Asked by risk for every order: from replayed state only, allocating nothing.
     */
    default int positionLeverage(final Account account, final Instrument instrument)
    {
        return account.leverage;
    }

    /** Writes the venue's own fields of an account into its view in progress (an exchange account's balances). */
    default void writeAccountDetails(final Account account, final JsonWriter json)
    {
    }

    /**
     * Writes the members of the account's connection to the venue as the engine knows it, into an object in progress
     * (group metrics' {@code websocket_health}): an MT5 executor's heartbeats. Nothing by default.
     */
    default void writeConnection(final Account account, final long nowMicros, final JsonWriter json)
    {
    }

    // ---- account settings and life ----

    /**
     * Futures settings an account or an expert asks for, for one instrument (seed 001's {@code trading_config}):
     * {@code leverage} (0 leaves it), {@code marginMode} and {@code positionMode} ({@link FuturesSettings} codes,
     * {@link FuturesSettings#UNCHANGED} leaves one). A venue that has such settings records what was asked (replayed, in
     * its digest), writes it into the event's outbox for its connector, and learns the outcome from a journaled report
     * of its own; the account's view shows each as {@code pending}, {@code applied} or {@code failed}.
     *
     * @return {@link ResultCode#OK} when the settings were taken (and will be sent), or {@link ResultCode#VALIDATION_ERROR}
     *         when the venue has no such settings (the default)
     */
    default ResultCode futuresSettings(
        final Account account, final Instrument instrument, final int leverage, final int marginMode, final int positionMode, final CommandEvent event)
    {
        return ResultCode.VALIDATION_ERROR;
    }

    /** Whether the account trades futures at this venue (an exchange account made with {@code market_type: futures}). */
    default boolean tradesFutures(final Account account)
    {
        return false;
    }

    /**
     * The account is being removed (it holds no positions and no open orders): the venue forgets what it keeps of it
     * and tells its connector (through the outbox) to let go of it.
     */
    default void accountRemoved(final Account account, final CommandEvent event)
    {
    }

    // ---- state ----

    /**
     * A fingerprint of the state the venue keeps outside the engine's tables (tickets, executor queues), mixed into
     * the engine's state digest: replay must rebuild it too. A snapshot of the engine will walk the same state.
     */
    default long digest()
    {
        return 0;
    }
}
