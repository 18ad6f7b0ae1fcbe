package io.ordergate.engine;

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.candle.Candles;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Member;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.order.Trades;
import io.ordergate.engine.position.ClosedPositions;
import io.ordergate.engine.position.Ledger;
import io.ordergate.engine.risk.RiskCheck;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.EngineJson;
import io.ordergate.engine.view.JsonWriter;

/**
 * The engine's tables, for the venues and command handlers that plug into it.
 * <b>Not thread safe</b>: everything reached through it is owned by the engine thread.
 */
public final class EngineContext
{
    private final EngineState state;
    private final EngineJson json;
    private final Venues venues;

    EngineContext(final EngineState state, final EngineJson json, final Venues venues)
    {
        this.state = state;
        this.json = json;
        this.venues = venues;
    }

    /** The pre-trade checks (the paper venue asks them again when a quote reaches a resting order). */
    public RiskCheck risk()
    {
        return state.risk;
    }

    /** Equity, unrealized PnL and margin of accounts across engine-netted and venue-held positions. */
    public AccountValues values()
    {
        return state.values;
    }

    /** The venue the account's orders go to (for its settings: an expert's futures settings). */
    public Venue venueOf(final Account account)
    {
        return venues.of(account);
    }

    /** The venue holding the account's positions itself (MT5 tickets), or null when the engine nets them (paper). */
    public Venue positionHolder(final Account account)
    {
        return venues.positionHolder(account);
    }

    public GatewayConfig config()
    {
        return state.config;
    }

    public Instruments instruments()
    {
        return state.instruments;
    }

    /**
     * The instrument an account's venue names {@code venueSymbol}: the gateway's own symbol, else the one a group's
     * {@code symbol_map} or {@code symbol_suffix} sends to this account as that broker symbol (say {@code EURUSD.m}),
     * so a ticket opened by hand or a synced deal is valued and counted as its instrument; null when none does. The
     * maps are kept per member and instrument (made on admin paths), so this scans them and allocates nothing; it is
     * met only by a report naming a symbol not the gateway's own. Groups are scanned in order: the first map wins.
     */
    public Instrument instrumentOf(final Account account, final AsciiView venueSymbol)
    {
        final Instrument own = state.instruments.find(venueSymbol);
        if (own != null)
        {
            return own;
        }
        for (int g = 0; g < state.groups.count(); g++)
        {
            final Group group = state.groups.get(g);
            final int m = group == null ? -1 : group.indexOf(account.index);
            if (m < 0)
            {
                continue;
            }
            final Member member = group.member(m);
            for (int i = 0; i < state.instruments.count(); i++)
            {
                final String mapped = member.venueSymbol(i);
                if (mapped != null && venueSymbol.contentEquals(mapped))
                {
                    return state.instruments.get(i);
                }
            }
        }
        return null;
    }

    public Accounts accounts()
    {
        return state.accounts;
    }

    public Orders orders()
    {
        return state.orders;
    }

    public Trades trades()
    {
        return state.trades;
    }

    public Ledger ledger()
    {
        return state.ledger;
    }

    /** Every close of a position, whole or partial, from any venue or a history sync: performance is built on it. */
    public ClosedPositions closedPositions()
    {
        return state.closedPositions;
    }

    public Principals principals()
    {
        return state.principals;
    }

    /** Where rooms and plugged-in venues note what a command changes that the tables do not note themselves. */
    public Changes changes()
    {
        return state.changes;
    }

    /** OHLCV candles of every instrument, built from its quotes. */
    public Candles candles()
    {
        return state.candles;
    }

    /** Starts a JSON answer in the event's output; finish with {@link #endJson}. */
    public JsonWriter beginJson(final CommandEvent event)
    {
        return json.begin(event);
    }

    public void endJson(final CommandEvent event)
    {
        json.end(event);
    }

    /** Answers with an order: its view goes into the event with the code. */
    public void answerOrder(final CommandEvent event, final Order order, final ResultCode code)
    {
        OrderFlow.answer(event, order, code);
    }

    /** Writes an account as API.md's account object into a JSON answer in progress. */
    public void writeAccount(final Account account)
    {
        json.writeAccount(account);
    }
}
