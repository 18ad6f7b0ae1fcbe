package io.ordergate.exchange.venue;

import java.util.Map;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.FuturesSettings;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.view.JsonWriter;

/**
 * The exchange venue on the engine thread: an order of an exchange account is marked {@code routed} and written
 * into the outbox for the connector's I/O, which sends it under a client order id derived from the account's
 * namespace and the order id; the exchange's answers come back as journaled {@code EXCHANGE_REPORT}s. Fills are
 * booked on the engine's net positions. While the exchange's ban is in force an order is refused at once with
 * 503 {@code VENUE_UNAVAILABLE}, never queued. A close that, with the closes of the same position still working at the
 * exchange, would close more than the position holds is refused at once with 409 {@code CONFLICT} ({@link PendingCloses}).
 * Routing allocates nothing: the namespace is made once per account.
 * Futures settings are recorded per symbol and sent the same way. <b>Not thread safe</b>: engine thread.
 */
final class ExchangeVenue implements Venue
{
    private final ExchangeAccounts accounts;
    private final io.ordergate.engine.instrument.Instruments instruments;
    private final ExchangeOutbox outbox = new ExchangeOutbox();
    private final PendingCloses pendingCloses;
    private final WorkingOrders workingOrders;

    ExchangeVenue(final EngineContext context, final ExchangeAccounts accounts)
    {
        this.accounts = accounts;
        this.instruments = context.instruments();
        this.pendingCloses = new PendingCloses(context.config().engine().maxAccounts());
        this.workingOrders = new WorkingOrders(context.config().engine().maxAccounts(), instruments.count());
    }

    @Override
    public ResultCode route(final Order order, final Account account, final Instrument instrument, final CommandEvent event)
    {
        final long now = event.wallMicros();
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        if (entry == null || !entry.hasCredentials())
        {
            order.reject(ResultCode.VENUE_REJECTED, "the exchange account has no credentials", now);
            return ResultCode.VENUE_REJECTED;
        }
        if (now < entry.bannedUntilMicros)
        {
            // a refusal, not the steady state: its message may allocate
            order.reject(ResultCode.VENUE_UNAVAILABLE, "the exchange has banned this client until " + (entry.bannedUntilMicros / 1_000) + " (epoch ms)",
                now);
            return ResultCode.VENUE_UNAVAILABLE;
        }
        if (order.closesPositionId != 0 && pendingCloses.exceeded(account, instrument, order))
        {
            // a refusal, not the steady state: its message may allocate
            order.reject(ResultCode.CONFLICT, "the position is already being closed by order " + pendingCloses.workingCloseId()
                + ", still working at the exchange: wait for its answer", now);
            return ResultCode.CONFLICT;
        }
        int positionSide = ExchangeOutbox.POSITION_SIDE_NONE;
        boolean reduceOnly = false;
        if (entry.futuresMarket)
        {
            // the order's effect on the net position now: a close is reduce-only (one-way) or names the side it closes (hedge)
            final long net = account.positions[instrument.index].quantity;
            final boolean buy = order.side == Side.BUY;
            final boolean closing = net != 0 && net > 0 != buy;
            if (entry.hedgeMode)
            {
                if (closing && order.quantity > Math.abs(net))
                {
                    order.reject(ResultCode.VENUE_REJECTED, "in hedge mode an order cannot reverse a position: close the " + (net > 0 ? "long" : "short")
                        + " first (the exchange would hold both sides)", now);
                    return ResultCode.VENUE_REJECTED;
                }
                final boolean longSide = closing ? net > 0 : buy;
                positionSide = longSide ? ExchangeOutbox.POSITION_SIDE_LONG : ExchangeOutbox.POSITION_SIDE_SHORT;
            }
            else
            {
                reduceOnly = closing && order.quantity <= Math.abs(net);
            }
        }
        order.status = OrderStatus.ROUTED;
        order.updatedAtMicros = now;
        account.openOrders++;
        workingOrders.routed(order);
        if (order.closesPositionId != 0)
        {
            pendingCloses.routed(account, order);
        }
        outbox.write(event, ExchangeOutbox.PLACE, order, namespace(entry, account), entry.testnet, positionSide, reduceOnly);
        return null;
    }

    /** What refuses a close the working closes of its position already cover (read by tests for its cost). */
    PendingCloses pendingCloses()
    {
        return pendingCloses;
    }

    /** The account's orders working per instrument, counted as they are routed and end. */
    WorkingOrders workingOrders()
    {
        return workingOrders;
    }

    @Override
    public ResultCode cancel(final Order order, final Account account, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        if (order.status.isTerminal() || entry == null)
        {
            return ResultCode.CONFLICT;
        }
        outbox.write(event, ExchangeOutbox.CANCEL, order, namespace(entry, account), entry.testnet);
        return ResultCode.ACCEPTED;
    }

    /** Writes a FOLLOW record for an open order (start-up recovery). */
    void follow(final Order order, final Account account, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        outbox.write(event, ExchangeOutbox.FOLLOW, order, namespace(entry, account), entry.testnet);
    }

    @Override
    public ResultCode futuresSettings(final Account account, final Instrument instrument, final int leverage, final int marginMode,
        final int positionMode, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        ExchangeAccounts.Futures futures = entry.futures.get(instrument.symbol);
        if (futures == null)
        {
            futures = new ExchangeAccounts.Futures();
            entry.futures.put(instrument.symbol, futures);
        }
        futures.leverage = leverage != FuturesSettings.UNCHANGED ? leverage : futures.leverage;
        futures.marginMode = marginMode != FuturesSettings.UNCHANGED ? marginMode : futures.marginMode;
        futures.positionMode = positionMode != FuturesSettings.UNCHANGED ? positionMode : futures.positionMode;
        futures.status = ExchangeAccounts.SETTINGS_PENDING;
        futures.message = null;
        futures.updatedMicros = event.wallMicros();
        sendSettings(account, instrument.symbol, futures, event);
        return ResultCode.OK;
    }

    @Override
    public boolean tradesFutures(final Account account)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        return entry != null && entry.futuresMarket;
    }

    /** Writes a symbol's settings as asked into the outbox (also at start-up, for those still pending). */
    void sendSettings(final Account account, final String symbol, final ExchangeAccounts.Futures futures, final CommandEvent event)
    {
        final ExchangeAccounts.Entry entry = accounts.entry(account.index);
        outbox.writeSettings(event, account.index, account.id, namespace(entry, account), symbol, entry.testnet, futures.leverage,
            futures.marginMode, futures.positionMode);
    }

    @Override
    public void accountRemoved(final Account account, final CommandEvent event)
    {
        accounts.remove(account.index);
        workingOrders.accountRemoved(account.index);
    }

    /**
     * The exchange's assets as last read or streamed, in asset order (sorted: the same on every replay); an account whose
     * balances were not read yet writes none, not the account's currency, which is no asset of the exchange.
     */
    @Override
    public boolean writeAssetBalances(final Account account, final JsonWriter json)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        if (entry == null)
        {
            return false;
        }
        final AssetBalances balances = entry.balances;
        for (int row = 0; row < balances.size(); row++)
        {
            json.name(balances.asset(row)).startObject();
            json.name("total").decimal(balances.free(row) + balances.locked(row), ExchangeBodies.EXCHANGE_DIGITS);
            json.name("available").decimal(balances.free(row), ExchangeBodies.EXCHANGE_DIGITS);
            json.name("locked").decimal(balances.locked(row), ExchangeBodies.EXCHANGE_DIGITS);
            if (entry.futuresFigures)
            {
                // Binance's futures account route: wallet (total) + unrealized profit = margin balance
                json.name("unrealized_pnl").decimal(balances.unrealized(row), ExchangeBodies.EXCHANGE_DIGITS);
                json.name("margin_balance").decimal(balances.margin(row), ExchangeBodies.EXCHANGE_DIGITS);
            }
            json.endObject();
        }
        return true;
    }

    /**
     * A futures account's leverage for the symbol as last asked (an expert's, or PUT futures-settings): applied, or on its
     * way to the exchange; after the exchange refused it, or where none was asked, the account's own.
     */
    @Override
    public int positionLeverage(final Account account, final Instrument instrument)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        final ExchangeAccounts.Futures futures = entry == null || !entry.futuresMarket ? null : entry.futures.get(instrument.symbol);
        return futures == null || futures.leverage == FuturesSettings.UNCHANGED || futures.status == ExchangeAccounts.SETTINGS_FAILED
            ? account.leverage : futures.leverage;
    }

    /** The account view's exchange part: {@code balances} per asset, the masked {@code credentials}, the futures settings. */
    @Override
    public void writeAccountDetails(final Account account, final JsonWriter json)
    {
        final ExchangeAccounts.Entry entry = accounts.find(account.index);
        json.name("balances").startObject();
        writeAssetBalances(account, json);
        json.endObject();
        if (entry != null && entry.balancesUpdatedMicros > 0)
        {
            json.name("balances_updated_at").time(entry.balancesUpdatedMicros);
        }
        json.name("market_type").string(entry != null && entry.futuresMarket ? "futures" : "spot");
        if (entry != null && entry.futuresMarket)
        {
            json.name("futures_position_mode").string(entry.hedgeMode ? "hedge" : "one_way");
            if (entry.positionsCheckedMicros > 0)
            {
                json.name("positions_checked_at").time(entry.positionsCheckedMicros);
            }
            json.name("positions_held_both_sides").startArray();
            for (int index = 0; entry.heldBothSides != null && index < entry.heldBothSides.length; index++)
            {
                if (entry.heldBothSides[index])
                {
                    json.string(instruments.get(index).symbol);
                }
            }
            json.endArray();
        }
        json.name("credentials");
        if (entry == null || !entry.hasCredentials())
        {
            json.nullValue();
        }
        else
        {
            json.startObject();
            json.name("api_key").string(entry.maskedKey);
            json.name("testnet").bool(entry.testnet);
            json.name("updated_at").time(entry.credentialsUpdatedMicros);
            json.endObject();
        }
        if (entry != null && entry.bannedUntilMicros > 0)
        {
            json.name("venue_unavailable_until").time(entry.bannedUntilMicros);
        }
        writeFutures(entry, json);
    }

    /** {@code "futures": {"BTCUSDT": {"leverage", "margin_mode", "position_mode", "status", "message", "updated_at"}}}. */
    static void writeFutures(final ExchangeAccounts.Entry entry, final JsonWriter json)
    {
        json.name("futures").startObject();
        if (entry != null)
        {
            for (final Map.Entry<String, ExchangeAccounts.Futures> setting : entry.futures.entrySet())
            {
                final ExchangeAccounts.Futures f = setting.getValue();
                json.name(setting.getKey()).startObject();
                json.name("leverage");
                if (f.leverage == FuturesSettings.UNCHANGED)
                {
                    json.nullValue();
                }
                else
                {
                    json.number(f.leverage);
                }
                nullable(json.name("margin_mode"), FuturesSettings.marginName(f.marginMode));
                nullable(json.name("position_mode"), FuturesSettings.positionName(f.positionMode));
                json.name("status").string(f.status == ExchangeAccounts.SETTINGS_APPLIED ? "applied"
                    : f.status == ExchangeAccounts.SETTINGS_FAILED ? "failed" : "pending");
                nullable(json.name("message"), f.message);
                json.name("updated_at").time(f.updatedMicros);
                json.endObject();
            }
        }
        json.endObject();
    }

    private static void nullable(final JsonWriter json, final String value)
    {
        if (value == null)
        {
            json.nullValue();
        }
        else
        {
            json.string(value);
        }
    }

    private static String namespace(final ExchangeAccounts.Entry entry, final Account account)
    {
        if (entry.namespace == null)
        {
            entry.namespace = ExchangeAccounts.namespace(account.createdAtMicros);
        }
        return entry.namespace;
    }

    @Override
    public long digest()
    {
        return accounts.digest();
    }
}
