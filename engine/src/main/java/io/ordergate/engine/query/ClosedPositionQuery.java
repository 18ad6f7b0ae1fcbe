package io.ordergate.engine.query;

import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.position.ClosedPosition;
import io.ordergate.engine.position.ClosedPositions;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * {@code GET /api/v1/positions/closed}: the closes of positions the principal may see, newest first by close time,
 * from every source (paper fills, MT5 trade reports, MT5 history sync). Body as LIST_TRADES: account id (empty =
 * every visible account) | limit [| cursor]. With a cursor (the gateway's route) it answers a slice of at most 32
 * closes older than the cursor's ({@code "next"}: the last one's sequence, 0 at the end), so a list of 1,000 is
 * rendered between other commands; each slice still looks at every remembered close once (a scan of
 * {@code engine.max_trades} slots, no rendering). <b>Not thread safe</b>: owned by the engine thread; allocates
 * nothing.
 */
public final class ClosedPositionQuery implements ClosedPositions.Filter
{
    private final EngineContext context;
    private final Principals principals;
    private final ClosedPositions closed;
    private final ClosedPosition[] selected = new ClosedPosition[QueryFlow.MAX_LIMIT];
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final byte[] key = new byte[48];
    private final UnsafeBuffer keyBuffer = new UnsafeBuffer(key);
    private int principal;
    private int onlyAccount;
    /** A slice's cursor: only closes listed after this one (older by close time, then sequence), or null. */
    private ClosedPosition olderThan;

    public ClosedPositionQuery(final EngineContext context)
    {
        this.context = context;
        this.principals = context.principals();
        this.closed = context.closedPositions();
    }

    public void list(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        reader.readString(text);
        onlyAccount = -1;
        if (!text.isEmpty())
        {
            final Account account = context.accounts().find(text);
            if (account == null || !principals.canAccess(event.principal(), account.index))
            {
                event.reject(ResultCode.NOT_FOUND, "account not found", "account_id");
                return;
            }
            onlyAccount = account.index;
        }
        final int requested = reader.readInt();
        principal = event.principal();
        final int limit = requested <= 0 ? QueryFlow.DEFAULT_LIMIT : Math.min(requested, QueryFlow.MAX_LIMIT);
        final boolean sliced = reader.position() < event.frameLength();
        olderThan = null;
        if (sliced)
        {
            final long cursor = reader.readLong();
            olderThan = cursor == 0 ? null : closed.get(cursor);
            if (cursor != 0 && olderThan == null)
            {
                answer(event, 0, true, 0);  // the cursor's close was overwritten since the last slice: the list ends
                return;
            }
        }
        final int wanted = sliced ? Math.min(limit, QueryFlow.SLICE_ORDERS) : limit;
        final int count = closed.newest(wanted, this, selected);
        answer(event, count, sliced, count == wanted && count > 0 ? selected[count - 1].seq : 0);
    }

    /** Writes the selected closes; a slice adds its {@code next} (the last close's sequence, 0 at the end) and count. */
    private void answer(final CommandEvent event, final int count, final boolean sliced, final long next)
    {
        final JsonWriter json = context.beginJson(event).startObject().name("positions").startArray();
        for (int i = 0; i < count; i++)
        {
            write(selected[i], json);
            selected[i] = null;
        }
        json.endArray();
        if (sliced)
        {
            json.name("next").number(next).name("written").number(count);
        }
        json.endObject();
        context.endJson(event);
        olderThan = null;
        event.result = ResultCode.OK;
    }

    @Override
    public boolean accepts(final ClosedPosition close)
    {
        return (onlyAccount < 0 || close.accountIndex == onlyAccount) && principals.canAccess(principal, close.accountIndex)
            && (olderThan == null || ClosedPositions.newer(olderThan, close));
    }

    /** API.md's closed position, with the venue's ids and the money's parts. */
    private void write(final ClosedPosition close, final JsonWriter json)
    {
        json.startObject();
        json.name("position_id");
        if (close.positionId != 0)
        {
            json.idString(close.positionId);
        }
        else
        {
            json.string("mt5_", close.venuePositionId);  // a synced deal's position the gateway never held
        }
        json.name("account_id").string(context.accounts().get(close.accountIndex).id);
        json.name("symbol").string(close.symbol);
        json.name("side").string(close.side == null ? null : close.side.wireName());
        json.name("size").decimal(close.size, close.quantityDigits);
        json.name("entry_price").decimalOrNull(close.entryPrice, close.priceDigits, ClosedPosition.NONE);
        json.name("exit_price").decimalOrNull(close.exitPrice, close.priceDigits, ClosedPosition.NONE);
        json.name("pnl").decimal(close.pnl, Money.DIGITS);
        json.name("gross_pnl").decimal(close.grossPnl, Money.DIGITS);
        json.name("fee").decimal(close.fee, Money.DIGITS);
        json.name("swap").decimal(close.swap, Money.DIGITS);
        json.name("opened_at");
        if (close.openedAtMicros == 0)
        {
            json.nullValue();
        }
        else
        {
            json.time(close.openedAtMicros);
        }
        json.name("closed_at").time(close.closedAtMicros);
        json.name("final").bool(close.finalClose);
        json.name("source").string(source(close.source));
        if (close.venuePositionId != 0)
        {
            json.name("ticket").idString(close.venuePositionId);
        }
        if (close.dealTicket != 0)
        {
            json.name("deal_ticket").idString(close.dealTicket);
            json.name("terminal_trade_id").string(key, 0, dealKey(close.venuePositionId, close.dealTicket));
        }
        json.endObject();
    }

    /** Seed 004's key of a deal, {@code mt5_<position>_<deal>}, into {@link #key}; returns its length. */
    private int dealKey(final long positionId, final long ticket)
    {
        int length = keyBuffer.putStringWithoutLengthAscii(0, "mt5_");
        length += keyBuffer.putLongAscii(length, positionId);
        length += keyBuffer.putStringWithoutLengthAscii(length, "_");
        return length + keyBuffer.putLongAscii(length, ticket);
    }

    private static String source(final int source)
    {
        switch (source)
        {
            case ClosedPosition.SOURCE_PAPER: return "paper";
            case ClosedPosition.SOURCE_MT5_REPORT: return "mt5";
            case ClosedPosition.SOURCE_MT5_SYNC: return "mt5_history";
            default: return "venue";
        }
    }
}
