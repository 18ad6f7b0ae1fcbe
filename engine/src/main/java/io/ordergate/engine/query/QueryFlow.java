package io.ordergate.engine.query;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.order.Trades;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.EngineJson;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * Reads: answers from the engine's own state, in its own order, so a read sees every command before it.
 * Never journaled, never changes state. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class QueryFlow
{
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    /** Orders written by one slice of a list read in slices. */
    static final int SLICE_ORDERS = 32;
    /** Positions one slice looks at (most may be other accounts' or other statuses'). */
    static final int SLICE_SCAN = 2048;

    private final Accounts accounts;
    private final Instruments instruments;
    private final Orders orders;
    private final Principals principals;
    private final Trades trades;
    private final EngineJson json;
    private final Venues venues;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final OrderView scratch = new OrderView();

    public QueryFlow(final EngineContext context, final EngineJson json, final Venues venues)
    {
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.orders = context.orders();
        this.principals = context.principals();
        this.trades = context.trades();
        this.json = json;
        this.venues = venues;
    }

    public void getOrder(final CommandEvent event)
    {
        final Order order = orders.get(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readLong());
        if (order == null || !principals.canAccess(event.principal(), order.accountIndex))
        {
            event.reject(ResultCode.NOT_FOUND, "order not found", "order_id");
            return;
        }
        OrderFlow.answer(event, order, ResultCode.OK);
    }

    /**
     * LIST_ORDERS: with a cursor, one slice ({@link #listOrderSlice}); without, the whole list in one read, which looks at
     * every remembered order (about 73,000 by default) and so holds the engine thread for milliseconds: the gateway's
     * lists and stream snapshots read in slices, and only tests and tools read it whole.
     */
    public void listOrders(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int onlyAccount = accountFilter(event, reader.readString(text));
        if (onlyAccount == MISSING_ACCOUNT)
        {
            return;
        }
        final int statusFilter = reader.readInt();
        final int limit = limit(reader.readInt());
        if (reader.position() < event.frameLength())
        {
            listOrderSlice(event, onlyAccount, statusFilter, limit, reader.readLong());
            return;
        }
        final JsonWriter out = json.begin(event).startObject().name("orders").startArray();
        int written = 0;
        boolean truncated = false;
        for (int back = 0; back < orders.rememberedSpan(); back++)
        {
            final Order order = orders.newest(back);
            if (order == null || !visible(event, order.accountIndex, onlyAccount) || !matches(order.status, statusFilter))
            {
                continue;
            }
            if (written == limit)
            {
                truncated = true;  // a reader of the whole list must know what it lacks, as a stream's sliced snapshot says it
                break;
            }
            order.copyTo(scratch);
            OrderJson.write(scratch, out);
            written++;
        }
        out.endArray();
        if (truncated)
        {
            out.name("truncated").bool(true);
        }
        out.endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    /**
     * One bounded slice of an order list read in slices (the gateway's {@code GET /api/v1/orders}, a stream's orders
     * snapshot): at most {@link #SLICE_ORDERS} orders written and {@link #SLICE_SCAN} positions looked at, newest
     * first, so a heavy read holds the engine thread for a few tens of microseconds at a time and orders go between its
     * slices. The cursor is an order id: {@code 0} starts at the newest; any other goes on at the newest remembered
     * order whose id is not above it, and {@code next} is the first id not looked at yet, so every id above it was. An
     * id is a place that orders made or displaced between the slices do not move (a place counted in the displaced
     * list did: some were read twice, others not at all). Answers {@code {"orders": [...], "next": id, "written": n}},
     * next 0 at the end.
     */
    private void listOrderSlice(final CommandEvent event, final int onlyAccount, final int statusFilter, final int limit, final long cursor)
    {
        final int span = orders.rememberedSpan();
        int back = cursor == 0 ? 0 : orders.newestAtOrBelow(cursor);
        final int writeBudget = Math.min(limit, SLICE_ORDERS);
        final JsonWriter out = json.begin(event).startObject().name("orders").startArray();
        int written = 0;
        for (int scanned = 0; written < writeBudget && scanned < SLICE_SCAN && back < span; scanned++, back++)
        {
            final Order order = orders.newest(back);
            if (order != null && visible(event, order.accountIndex, onlyAccount) && matches(order.status, statusFilter))
            {
                order.copyTo(scratch);
                OrderJson.write(scratch, out);
                written++;
            }
        }
        out.endArray().name("next").number(back >= span ? 0 : orders.idAt(back)).name("written").number(written).endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    public void getAccount(final CommandEvent event)
    {
        final Account account = accounts.find(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (account == null || !principals.canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        if (reader.position() < event.frameLength() && reader.readByte() == CommandBodies.ACCOUNT_SHAPE_SEED)
        {
            json.seedAccount(event, account, venues.positionHolder(account));
        }
        else
        {
            json.account(event, account);
        }
        event.result = ResultCode.OK;
    }

    public void listAccounts(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        if (reader.position() < event.frameLength() && reader.readByte() == CommandBodies.LIST_SHAPE_SEED)
        {
            listAccountsSeed003(event, reader.readInt(), reader.readInt());
            return;
        }
        json.begin(event).startObject().name("accounts").startArray();
        for (int a = 0; a < accounts.count(); a++)
        {
            if (!accounts.isRemoved(a) && principals.canAccess(event.principal(), a))
            {
                json.writeAccount(accounts.get(a));
            }
        }
        json.writer().endArray().endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    /** Seed 003's {@code GET /accounts/list}: each visible account in its shape, {@code skip} and {@code limit} applied. */
    private void listAccountsSeed003(final CommandEvent event, final int skip, final int limit)
    {
        final JsonWriter out = json.begin(event).startObject().name("accounts").startArray();
        int total = 0;
        for (int a = 0; a < accounts.count(); a++)
        {
            // a deleted account keeps its slot (and, for an admin, its access): it is no longer listed, as in API.md's list
            if (!accounts.isRemoved(a) && principals.canAccess(event.principal(), a))
            {
                if (total >= skip && total - skip < limit)
                {
                    final Account account = accounts.get(a);
                    out.startObject().name("account_info");
                    json.writeAccount(account);
                    json.writeSeedAccountParts(account, venues.positionHolder(account));
                    out.endObject();
                }
                total++;
            }
        }
        out.endArray().name("pagination").startObject().name("total").number(total).name("skip").number(skip).name("limit").number(limit)
            .endObject().endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    public void listTrades(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int onlyAccount = accountFilter(event, reader.readString(text));
        if (onlyAccount == MISSING_ACCOUNT)
        {
            return;
        }
        final int limit = limit(reader.readInt());
        if (reader.position() < event.frameLength())
        {
            listTradeSlice(event, onlyAccount, limit, reader.readLong());
            return;
        }
        json.begin(event).startObject().name("trades").startArray();
        int written = 0;
        for (int back = 0; written < limit; back++)
        {
            final Trade trade = trades.newest(back);
            if (trade == null)
            {
                break;
            }
            if (visible(event, trade.accountIndex, onlyAccount))
            {
                json.writeTrade(trade);
                written++;
            }
        }
        json.writer().endArray().endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    /** One slice of a trade list read in slices, as {@link #listOrderSlice}: the cursor is a trade id (0: the newest). */
    private void listTradeSlice(final CommandEvent event, final int onlyAccount, final int limit, final long cursor)
    {
        final long newestId = trades.count();
        int back = cursor == 0 ? 0 : (int)Math.min(newestId - cursor, Integer.MAX_VALUE);
        final int writeBudget = Math.min(limit, SLICE_ORDERS);
        json.begin(event).startObject().name("trades").startArray();
        int written = 0;
        Trade trade = null;
        for (int scanned = 0; written < writeBudget && scanned < SLICE_SCAN; scanned++, back++)
        {
            trade = trades.newest(back);
            if (trade == null)
            {
                break;
            }
            if (visible(event, trade.accountIndex, onlyAccount))
            {
                json.writeTrade(trade);
                written++;
            }
        }
        final long next = trade == null || trades.newest(back) == null ? 0 : newestId - back;
        json.writer().endArray().name("next").number(next).name("written").number(written).endObject();
        json.end(event);
        event.result = ResultCode.OK;
    }

    public void getQuote(final CommandEvent event)
    {
        final Instrument instrument = instruments.find(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (instrument == null)
        {
            event.reject(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
            return;
        }
        if (!instrument.hasQuote())
        {
            event.reject(ResultCode.NOT_FOUND, "no quote for this symbol yet", "symbol");
            return;
        }
        json.begin(event);
        json.writeQuote(instrument);
        json.end(event);
        event.result = ResultCode.OK;
    }

    private static final int ALL_ACCOUNTS = -1;
    private static final int MISSING_ACCOUNT = -2;

    /** The account index a filter names, {@link #ALL_ACCOUNTS} for none, or rejects and answers MISSING_ACCOUNT. */
    private int accountFilter(final CommandEvent event, final AsciiView accountId)
    {
        if (accountId.isEmpty())
        {
            return ALL_ACCOUNTS;
        }
        final Account account = accounts.find(accountId);
        if (account == null || !principals.canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return MISSING_ACCOUNT;
        }
        return account.index;
    }

    private boolean visible(final CommandEvent event, final int accountIndex, final int onlyAccount)
    {
        return (onlyAccount == ALL_ACCOUNTS || onlyAccount == accountIndex) && principals.canAccess(event.principal(), accountIndex);
    }

    private static boolean matches(final OrderStatus status, final int filter)
    {
        if (filter == CommandBodies.STATUS_ANY)
        {
            return true;
        }
        if (filter == CommandBodies.STATUS_OPEN)
        {
            return !status.isTerminal();
        }
        return status.ordinal() == filter - 2;
    }

    private static int limit(final int requested)
    {
        return requested <= 0 ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT);
    }
}
