package io.ordergate.exchange.venue;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.position.Position;
import io.ordergate.fixed.FixedPoint;

/**
 * EXCHANGE_POSITIONS on the engine thread: a futures account's positions as the exchange holds them, read at every
 * (re)connect of its user-data stream (so after a restart too), compared symbol by symbol with the engine's net position.
 * What the engine missed (a fill it never heard of: a liquidation, an order made elsewhere with the same key, a
 * report lost for good) is booked once as a fill with no order, so the same read applied twice changes nothing the
 * second time. A symbol is left alone when the read may not be the whole truth: an order of the account in it is still
 * working or unsettled (its own report will bring its fills), or a fill in it was booked by a command published after
 * the read started. It is compared again at the next read. A symbol the exchange holds both a long and a short in
 * (hedge mode, the other side opened elsewhere) is not netted into one position (that booked a fill that never happened:
 * a long and an equal short read as flat closed the gateway's long): it is left as it is and the account view names it
 * ({@code positions_held_both_sides}) until one side is closed at the exchange. Whether an order works in a symbol is
 * {@link WorkingOrders}' count, kept as orders change state: a read looks at no order (it walked every order the engine
 * remembers, at each reconnect) and allocates nothing. <b>Not thread safe</b>: engine thread.
 */
final class ExchangePositionFlow
{
    private final EngineContext context;
    private final ExchangeAccounts accounts;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final WorkingOrders workingOrders;
    /** Per instrument index, named by the read being applied: scratch of one command, sized once (the instrument table is fixed). */
    private final transient boolean[] named;

    ExchangePositionFlow(final EngineContext context, final ExchangeAccounts accounts, final WorkingOrders workingOrders)
    {
        this.context = context;
        this.accounts = accounts;
        this.workingOrders = workingOrders;
        this.named = new boolean[context.instruments().count()];
    }

    /** EXCHANGE_POSITIONS (system): applies once what the engine's positions lack of the exchange's. */
    void positions(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = context.accounts().find(reader.readString(text));
        final ExchangeAccounts.Entry entry = account == null ? null : accounts.find(account.index);
        if (entry == null || !entry.futuresMarket)
        {
            event.reject(ResultCode.NOT_FOUND, "no futures exchange account with this account_id", "account_id");
            return;
        }
        final long readStartedMicros = reader.readLong();
        final int count = reader.readInt();
        java.util.Arrays.fill(named, false);
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = context.instruments().find(reader.readString(text));
            final long net = reader.readLong();
            final long entryPrice = reader.readLong();
            final long markPrice = reader.readLong();
            if (instrument != null)
            {
                named[instrument.index] = true;
                align(account, entry, instrument, net, entryPrice, markPrice, readStartedMicros, event.wallMicros());
            }
        }
        // a symbol held both long and short at the exchange is named, not netted; older records end before this list
        final int bothSides = reader.position() < event.frameLength() ? reader.readInt() : 0;
        if (entry.heldBothSides != null)
        {
            java.util.Arrays.fill(entry.heldBothSides, false);
        }
        for (int i = 0; i < bothSides; i++)
        {
            final Instrument instrument = context.instruments().find(reader.readString(text));
            if (instrument != null)
            {
                named[instrument.index] = true;
                if (entry.heldBothSides == null)
                {
                    entry.heldBothSides = new boolean[named.length];
                }
                entry.heldBothSides[instrument.index] = true;
            }
        }
        // a symbol the exchange does not list is flat there (positionRisk lists every symbol, v3 only those held)
        for (int index = 0; index < named.length; index++)
        {
            if (!named[index] && account.positions[index].quantity != 0)
            {
                final Instrument instrument = context.instruments().get(index);
                align(account, entry, instrument, 0, 0, !instrument.hasQuote() ? 0
                    : toExchange(instrument.bid, instrument.priceDigits), readStartedMicros, event.wallMicros());
            }
        }
        entry.positionsCheckedMicros = event.wallMicros();
        event.result = ResultCode.OK;
    }

    private void align(final Account account, final ExchangeAccounts.Entry entry, final Instrument instrument, final long exchangeNet,
        final long entryPrice, final long markPrice, final long readStartedMicros, final long now)
    {
        if (account.hedging || workingOrders.count(account.index, instrument.index) > 0
            || (entry.lastFillMicros != null && instrument.index < entry.lastFillMicros.length
                && entry.lastFillMicros[instrument.index] >= readStartedMicros))
        {
            return;
        }
        final Position position = account.positions[instrument.index];
        final long wanted = Wire.exact(exchangeNet, instrument.quantityDigits) == Wire.INEXACT
            ? FixedPoint.rescale(exchangeNet, ExchangeBodies.EXCHANGE_DIGITS, instrument.quantityDigits)
            : Wire.exact(exchangeNet, instrument.quantityDigits);
        final long missing = wanted - position.quantity;
        if (missing == 0)
        {
            return;
        }
        // from flat the exchange's entry price is the missed fill's; otherwise the mark price of the read's moment
        final long exchangePrice = position.quantity == 0 && entryPrice > 0 ? entryPrice : markPrice > 0 ? markPrice : entryPrice;
        final long price = FixedPoint.rescale(exchangePrice, ExchangeBodies.EXCHANGE_DIGITS, instrument.priceDigits);
        if (price <= 0)
        {
            return;  // nothing to book it at: the next read, with a price, will
        }
        context.ledger().fill(account, instrument, missing > 0 ? Side.BUY : Side.SELL, Math.abs(missing), price, 0, now);
        noteFill(entry, instrument, now);
    }

    /** Remembers when a fill of the account in the instrument was booked (the order reports' and this flow's). */
    static void noteFill(final ExchangeAccounts.Entry entry, final Instrument instrument, final long wallMicros)
    {
        if (entry.lastFillMicros == null)
        {
            entry.lastFillMicros = new long[instrument.index + 1];
        }
        if (entry.lastFillMicros.length <= instrument.index)
        {
            entry.lastFillMicros = java.util.Arrays.copyOf(entry.lastFillMicros, instrument.index + 1);
        }
        entry.lastFillMicros[instrument.index] = wallMicros;
    }

    private static long toExchange(final long price, final int priceDigits)
    {
        return FixedPoint.rescale(price, priceDigits, ExchangeBodies.EXCHANGE_DIGITS);
    }
}
