package io.ordergate.gateway.orders;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;

/**
 * {@code GET /api/v1/orders}, {@code /trades}, {@code /positions}, {@code /positions/closed} and the CSV exports read
 * in slices: the engine answers each slice with at most 32 items (orders: 2,048 slots looked at; positions: about
 * 2,048 position slots), so a list of 1,000 never holds the engine thread for long at once and other clients' orders
 * are applied between its slices.
 * This answer gathers the slices' items and asks for the next slice (from the connection's event loop) until the limit
 * is reached or the list ends; only then is the request answered. Each slice sees the engine's state as of that slice.
 *
 * <p>One per request (a read allocates; the engine thread does not). Its fields are written by the event loop before
 * each slice is published and read by the reply thread after the slice is applied (the ring orders them).
 */
final class SlicedList implements Answer, RequestBody
{
    private static final long RING_FULL_RETRY_MICROS = 200;

    private final ListQuery query;
    private final int principal;
    private final Object replyTo;
    private final CommandPublisher publisher;
    private final ChannelHandlerContext connection;
    /** Writes the gathered list as CSV (an export), or null for the list route's JSON. */
    private final CsvRows csv;
    private final ReadBudget budget;
    /** Seed 003's closed positions answer a bare JSON array, not {@code {"positions": [...]}}. */
    private final boolean bareArray;
    /** Adds seed 002's names to the positions of a list asked by {@code broker_connection_id}, or null. */
    private final Seed002Positions seed002;
    private final ExpandableArrayBuffer gathered = new ExpandableArrayBuffer(4096);
    private int gatheredLength;
    private int count;
    private long cursor;

    private SlicedList(final ListQuery query, final Exchange exchange, final ReadBudget budget, final CsvRows csv, final boolean bareArray,
        final Seed002Positions seed002)
    {
        this.query = query;
        this.budget = budget;
        this.csv = csv;
        this.bareArray = bareArray;
        this.seed002 = query.type() == CommandType.LIST_POSITIONS && query.seed002() ? seed002 : null;
        this.principal = exchange.caller().principal();
        this.replyTo = exchange.replyTarget();
        this.publisher = exchange.publisher();
        this.connection = exchange.channel();
    }

    /**
     * Reads a list route's query, checks the caller's read budget and publishes the first slice.
     *
     * @param csv writes the gathered list as CSV (an export), or null for the list route's JSON
     */
    static void start(final CommandType type, final Exchange exchange, final ReadBudget budget, final CsvRows csv)
        throws BadRequest
    {
        start(ListQuery.read(type, exchange.query()), exchange, budget, csv, false, null);
    }

    /** {@code GET /api/v1/positions}: asked by seed 002's {@code broker_connection_id}, each position also has its names. */
    static void startPositions(final Exchange exchange, final ReadBudget budget, final Seed002Positions seed002) throws BadRequest
    {
        start(ListQuery.read(CommandType.LIST_POSITIONS, exchange.query()), exchange, budget, null, false, seed002);
    }

    /**
     * Seed 003's {@code GET /trading/positions/{account_id}?limit=}: the closed-position list of {@code GET
     * /positions/closed}, answered as the seed's bare array.
     */
    static void startSeed003ClosedPositions(final String accountId, final Exchange exchange, final ReadBudget budget) throws BadRequest
    {
        start(ListQuery.seed003ClosedPositions(accountId, exchange.query()), exchange, budget, null, true, null);
    }

    private static void start(final ListQuery query, final Exchange exchange, final ReadBudget budget, final CsvRows csv,
        final boolean bareArray, final Seed002Positions seed002) throws BadRequest
    {
        final long callerWait = budget.callerWaitSeconds(exchange.caller().principal());
        if (callerWait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "more than " + budget.rowsPerSecond()
                + " list rows per second read by this caller (server.read_rows_per_second)", null, (int)callerWait);
        }
        final long gatewayWait = budget.gatewayWaitSeconds();
        if (gatewayWait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "more than " + budget.rowsPerSecondTotal()
                + " list rows per second read from this gateway by all callers together (server.read_rows_per_second_total)",
                null, (int)gatewayWait);
        }
        final SlicedList slices = new SlicedList(query, exchange, budget, csv, bareArray, seed002);
        exchange.publish(query.type(), slices, slices);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        switch (query.type())
        {
            case LIST_TRADES:
            case LIST_CLOSED_POSITIONS:  // the same body: account id, limit, cursor
                CommandBodies.listTradeSlice(writer, query.accountId(), query.limit() - count, cursor);
                break;
            case LIST_POSITIONS:
                CommandBodies.listPositionSlice(writer, query.accountId(), cursor);
                break;
            default:
                CommandBodies.listOrderSlice(writer, query.accountId(), query.statusFilter(), query.limit() - count, cursor);
        }
    }

    @Override
    public int render(final CommandEvent event, final JsonWriter json)
    {
        if (event.type == null || event.result != ResultCode.OK || event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            return OrderAnswer.ORDER.render(event, json);
        }
        final long next = gather(event.output, event.outputLength);
        if (next != 0 && count < query.limit())
        {
            cursor = next;
            connection.executor().execute(this::publishNext);
            return Answer.PENDING;
        }
        if (csv != null)
        {
            final byte[] rows = csv.render(gathered.byteArray(), gatheredLength);
            json.raw(new UnsafeBuffer(rows), 0, rows.length);
            return 200;
        }
        if (!bareArray)
        {
            json.startObject().name(listName());
        }
        if (seed002 != null)
        {
            final byte[] items = new byte[gatheredLength + 2];
            items[0] = '[';
            gathered.getBytes(0, items, 1, gatheredLength);
            items[items.length - 1] = ']';
            final byte[] named = seed002.withSeedNames(items, items.length);
            json.raw(new UnsafeBuffer(named), 0, named.length);
        }
        else
        {
            json.startArray();
            if (gatheredLength > 0)
            {
                json.raw(gathered, 0, gatheredLength);
            }
            json.endArray();
        }
        if (!bareArray)
        {
            json.endObject();
        }
        return 200;
    }

    @Override
    public CharSequence contentType()
    {
        return csv == null ? null : "text/csv; charset=utf-8";
    }

    private String listName()
    {
        switch (query.type())
        {
            case LIST_TRADES:
                return "trades";
            case LIST_POSITIONS:
            case LIST_CLOSED_POSITIONS:
                return "positions";
            default:
                return "orders";
        }
    }

    /** Event loop: the next slice; a full ring is tried again shortly (the connection waits, it reads nothing meanwhile). */
    private void publishNext()
    {
        if (connection.channel().isActive()
            && !publisher.publish(query.type(), principal, CommandFrame.SOURCE_HTTP, this, replyTo, this))
        {
            connection.executor().schedule(this::publishNext, RING_FULL_RETRY_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    /**
     * Appends a slice's items ({@code {"orders":[...],"next":n,"written":k}}, or {@code "trades"}, as the engine writes
     * it) to what was gathered, and returns its {@code next}.
     */
    private long gather(final DirectBuffer output, final int length)
    {
        final int written = SliceAnswer.written(output, length);
        gatheredLength = SliceAnswer.appendItems(output, length, listName(), gathered, gatheredLength);
        count += written;
        budget.spend(principal, written);
        return SliceAnswer.next(output, length);
    }
}
