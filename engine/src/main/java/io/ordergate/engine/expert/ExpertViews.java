package io.ordergate.engine.expert;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.candle.CandleQuery;
import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CandleBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.view.JsonWriter;

/**
 * GET_EXPERT: the reads of seed 001's expert routes, one view each (status, an order, its orders, positions,
 * balance, logs, market data: the engine's candles). Never changes state. <b>Not thread safe</b>: engine thread.
 */
final class ExpertViews
{
    /** Seed 001's log types, as the gateway encodes them into the argument's bits 32..39. */
    static final int LOG_MAIN = 0;
    static final int LOG_TRADE = 1;
    static final int LOG_ERROR = 2;

    private final ExpertRoom room;
    private final EngineContext context;
    private final ExpertJson json;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();

    private final CandleQuery candles;

    ExpertViews(final ExpertRoom room, final EngineContext context, final ExpertJson json, final CandleQuery candles)
    {
        this.room = room;
        this.context = context;
        this.json = json;
        this.candles = candles;
    }

    void view(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Expert expert = room.find(event, reader.readString(text));
        if (expert == null)
        {
            return;
        }
        final int view = reader.readByte();
        final long argument = reader.readLong();
        switch (view)
        {
            case ExpertBodies.VIEW_STATUS: json.status(event, expert); break;
            case ExpertBodies.VIEW_ORDER: order(event, expert, argument); break;
            case ExpertBodies.VIEW_ORDERS: orders(event, expert, (int) argument); break;
            case ExpertBodies.VIEW_POSITIONS: positions(event, expert); break;
            case ExpertBodies.VIEW_BALANCE: json.balance(event, expert); break;
            case ExpertBodies.VIEW_LOGS: logs(event, expert, argument); break;
            case ExpertBodies.VIEW_MARKET: market(event, expert, reader.readString(text), reader.readInt(), (int) argument); break;
            default: event.reject(ResultCode.VALIDATION_ERROR, "unknown expert view", null);
        }
    }

    private void order(final CommandEvent event, final Expert expert, final long orderId)
    {
        final Order order = context.orders().get(orderId);
        if (order == null || order.accountIndex != expert.account.index)
        {
            event.reject(ResultCode.NOT_FOUND, "order not found", "order_id");
            return;
        }
        OrderFlow.answer(event, order, ResultCode.OK);
    }

    /** The orders the expert placed, newest first. */
    private void orders(final CommandEvent event, final Expert expert, final int limit)
    {
        final Orders orders = context.orders();
        final JsonWriter out = context.beginJson(event).startObject().name("orders").startArray();
        int written = 0;
        for (int back = 0; back < orders.rememberedSpan() && written < limit; back++)
        {
            final Order order = orders.newest(back);
            if (order != null && order.accountIndex == expert.account.index && "expert".equals(order.origin))
            {
                ExpertJson.writeOrder(order, out);
                written++;
            }
        }
        out.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private void positions(final CommandEvent event, final Expert expert)
    {
        final Account account = expert.account;
        final JsonWriter out = context.beginJson(event).startObject().name("positions").startArray();
        for (int i = 0; i < context.instruments().count(); i++)
        {
            if (account.positions[i].isOpen())
            {
                json.writePosition(out, account, context.instruments().get(i), account.positions[i]);
            }
        }
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            json.writePosition(out, account, context.instruments().get(hedge.instrumentIndex), hedge);
        }
        final Venue holder = context.positionHolder(account);
        if (holder != null)
        {
            holder.writeExpertPositions(account, out);  // an MT5 account's positions are the terminal's tickets
        }
        out.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * Newest first. The argument: limit in bits 0..31, the log type in 32..39 ({@code main} is every entry, {@code trade}
     * the order entries, {@code error} those at WARNING and above), the lowest level shown in 40..47.
     */
    private void logs(final CommandEvent event, final Expert expert, final long argument)
    {
        final int limit = (int) argument;
        final int type = (int) (argument >>> 32) & 0xFF;
        final int minLevel = (int) (argument >>> 40) & 0xFF;
        final ExpertLog log = expert.log;
        final JsonWriter out = context.beginJson(event).startObject().name("logs").startArray();
        int written = 0;
        for (int back = 0; back < log.size() && written < limit; back++)
        {
            final int slot = log.slot(back);
            final int kind = log.kind(slot);
            final int level = ExpertLog.LEVELS[kind];
            if (level < minLevel || type == LOG_TRADE && !ExpertLog.TRADE[kind] || type == LOG_ERROR && level < ExpertLog.WARNING)
            {
                continue;
            }
            out.startObject().name("timestamp").time(log.micros(slot)).name("level").string(ExpertLog.LEVEL_NAMES[level])
                .name("message").string(ExpertLog.MESSAGES[kind]).name("context").startObject().name("expert_id").string(expert.id);
            context(out, expert, kind, log.first(slot), log.second(slot));
            out.endObject().endObject();
            written++;
        }
        out.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private static void context(final JsonWriter out, final Expert expert, final int kind, final long first, final long second)
    {
        switch (kind)
        {
            case ExpertLog.ORDER_PLACED:
            case ExpertLog.ORDER_REJECTED:
                out.name("order_id").idString(first).name("result").string(ResultCode.fromOrdinal((int) second).name());
                break;
            case ExpertLog.ORDER_REFUSED:
                out.name("result").string(ResultCode.fromOrdinal((int) second).name());
                break;
            case ExpertLog.STARTED:
                out.name("equity").decimal(first, io.ordergate.fixed.Money.DIGITS);
                break;
            case ExpertLog.DRAWDOWN_STOP:
                out.name("equity").decimal(first, io.ordergate.fixed.Money.DIGITS)
                    .name("peak_equity").decimal(second, io.ordergate.fixed.Money.DIGITS);
                break;
            case ExpertLog.STRATEGY_UPDATED:
                out.name("updated_parameters").startArray();
                for (int bit = 0; bit < ExpertBodies.PARAMETER_NAMES.length; bit++)
                {
                    if ((first & (1L << bit)) != 0)
                    {
                        out.string(ExpertBodies.PARAMETER_NAMES[bit]);
                    }
                }
                out.endArray();
                break;
            default:
                out.name("symbol").string(expert.symbol == null ? null : expert.symbol.symbol);
        }
    }

    /**
     * {@code GET /experts/{id}/market/{symbol}/data}: seed 001's {@code {"symbol", "timeframe", "data": [{"timestamp",
     * "open", "high", "low", "close", "volume"}]}}, the engine's candles (built from every quote's bid), oldest first.
     *
     * @param timeframe a {@link Timeframe} ordinal, or -1 for the expert's own
     */
    private void market(final CommandEvent event, final Expert expert, final AsciiView symbol, final int timeframe, final int limit)
    {
        final Instrument instrument = symbol.isEmpty() ? expert.symbol : context.instruments().find(symbol);
        if (instrument == null)
        {
            event.reject(ResultCode.NOT_FOUND, "symbol is not a configured instrument", "symbol");
            return;
        }
        final Timeframe chosen = timeframe < 0 ? expert.candleTimeframe : Timeframe.fromOrdinal(timeframe);
        if (chosen == null || limit < 1 || limit > CandleBodies.MAX_COUNT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "invalid market data request", null);
            return;
        }
        candles.answer(event, instrument, chosen, CandleBodies.SHAPE_SEED_001, limit);
    }
}
