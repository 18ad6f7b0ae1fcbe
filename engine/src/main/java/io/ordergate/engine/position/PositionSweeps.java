package io.ordergate.engine.position;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;

/**
 * Seed 003's account-wide closes: every position of an account in one symbol ({@code CLOSE_SYMBOL}, {@code POST
 * /trading/close-position/{account_id}}), or every position and open order of it ({@code TERMINATE_ACCOUNT}, {@code
 * POST /trading/terminate/{account_id}}; unlike close-all it does not pause the account). Net positions, a hedging
 * account's positions and a venue's own (MT5 tickets) alike, each by one closing order. A sweep that could not send
 * every closing order (an MT5 executor offline, the executor command table or the order table full) answers with the
 * refusal's code and names the positions not closed, never success; the closing orders it did send stand.
 * <b>Not thread safe</b>: engine thread. Rare commands: clarity first.
 */
public final class PositionSweeps
{
    /** The origin of the closing orders these make. */
    public static final String ORIGIN_CLOSE = PositionCloser.ORIGIN_CLOSE;

    /** The positions a refused sweep names one by one in its message; the rest are counted. */
    private static final int MAX_NAMED_UNSENT = 8;

    private final EngineContext context;
    private final Instruments instruments;
    private final Principals principals;
    private final Venues venues;
    private final PositionCloser closer;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final Venue.ClosingOrders venueClosing = this::closing;
    private JsonWriter orders;
    private int closed;
    private int failed;
    /** The closing orders rejected in this sweep (admin path: grows when it must). */
    private Order[] rejected = new Order[8];

    public PositionSweeps(final EngineContext context, final Venues venues, final PositionCloser closer)
    {
        this.context = context;
        this.instruments = context.instruments();
        this.principals = context.principals();
        this.venues = venues;
        this.closer = closer;
    }

    /** CLOSE_SYMBOL: account id | symbol. */
    public void closeSymbol(final CommandEvent event)
    {
        final Account account = account(event);
        if (account == null)
        {
            return;
        }
        final Instrument instrument = instruments.find(reader.readString(text));
        if (instrument == null)
        {
            event.reject(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
            return;
        }
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true).name("message").string("Position closed").name("symbol").string(instrument.symbol);
        out.name("account_id").string(account.id).name("orders").startArray();
        sweep(event, account, instrument, out);
        out.endArray().endObject();
        if (closed + failed == 0)
        {
            event.reject(ResultCode.NOT_FOUND, "the account has no open position in this symbol", "symbol");
            return;
        }
        if (rejectedUnsent(event, "close-position", ""))
        {
            return;
        }
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** TERMINATE_ACCOUNT: account id. Cancels the open orders, then closes every position. */
    public void terminate(final CommandEvent event)
    {
        final Account account = account(event);
        if (account == null)
        {
            return;
        }
        final int cancelled = venues.of(account).cancelOpenOrders(account, event);
        final JsonWriter out = context.beginJson(event).startObject();
        out.name("success").bool(true).name("account_id").string(account.id).name("cancelled_orders").number(cancelled);
        out.name("orders").startArray();
        sweep(event, account, null, out);
        out.endArray();
        out.name("terminated_positions").number(closed);
        out.name("errors").startArray().endArray();  // seed 003's shape; a position not closed refuses the whole answer instead
        out.endObject();
        if (rejectedUnsent(event, "terminate", cancelled + " open orders cancelled, "))
        {
            return;
        }
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * A sweep that could not send every closing order answers that, not success: which positions were not closed and
     * why, with the code of the refusal (503 VENUE_UNAVAILABLE when the executor command table was full, whichever
     * came first otherwise). What was sent stands: those closing orders are routed and settle as usual.
     *
     * @return true when the event was rejected
     */
    private boolean rejectedUnsent(final CommandEvent event, final String sweepName, final String cancelledOrders)
    {
        if (failed == 0)
        {
            return false;
        }
        ResultCode code = null;
        final StringBuilder unsent = new StringBuilder(sweepName).append(": ").append(cancelledOrders).append(closed)
            .append(" closing orders sent; ").append(failed).append(" positions not closed: ");
        for (int i = 0; i < failed; i++)
        {
            final Order order = rejected[i];
            final ResultCode why = order == null ? ResultCode.RISK_MAX_OPEN_ORDERS : order.rejectCode;
            code = code == null || why == ResultCode.VENUE_UNAVAILABLE ? why : code;
            if (i == MAX_NAMED_UNSENT)
            {
                unsent.append("; and ").append(failed - i).append(" more");
                break;
            }
            unsent.append(i == 0 ? "" : "; ");
            if (order == null)
            {
                unsent.append("a position (the order table is full of open orders)");
                continue;
            }
            unsent.append(order.positionId != 0 ? "position " + order.positionId + " (" + order.symbol + ")" : order.symbol)
                .append(": ").append(why.name());
            if (order.rejectMessage != null)
            {
                unsent.append(", ").append(order.rejectMessage);
            }
        }
        event.reject(code, unsent.toString(), null);
        return true;
    }

    private Account account(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Account account = context.accounts().find(reader.readString(text));
        if (account == null || !principals.canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
            return null;
        }
        return principals.requireTrade(event) ? account : null;
    }

    /** Closes the account's positions in the instrument (or all for null), writing each closing order. */
    private void sweep(final CommandEvent event, final Account account, final Instrument only, final JsonWriter out)
    {
        orders = out;
        closed = 0;
        failed = 0;
        for (int i = 0; i < instruments.count(); i++)
        {
            final Position net = account.positions[i];
            if (net.isOpen() && (only == null || only.index == i))
            {
                closing(closer.close(account, instruments.get(i), net, Math.abs(net.quantity), ORIGIN_CLOSE, event), ResultCode.OK);
            }
        }
        Position hedge = account.firstHedge;
        while (hedge != null)
        {
            final Position next = hedge.nextHedge;
            if (only == null || only.index == hedge.instrumentIndex)
            {
                closing(closer.close(account, instruments.get(hedge.instrumentIndex), hedge, Math.abs(hedge.quantity), ORIGIN_CLOSE, event),
                    ResultCode.OK);
            }
            hedge = next;
        }
        final Venue holder = venues.positionHolder(account);
        if (holder != null)
        {
            holder.closePositions(account, only == null ? -1 : only.index, 0, ORIGIN_CLOSE, event, venueClosing);
        }
        orders = null;
    }

    private void closing(final Order order, final ResultCode code)
    {
        if (order == null || order.status == OrderStatus.REJECTED)
        {
            if (failed == rejected.length)
            {
                rejected = java.util.Arrays.copyOf(rejected, failed * 2);
            }
            rejected[failed++] = order;  // null: the order table was full of open orders
        }
        else
        {
            closed++;
        }
        if (order != null)
        {
            OrderJson.write(order, orders);
        }
    }
}
