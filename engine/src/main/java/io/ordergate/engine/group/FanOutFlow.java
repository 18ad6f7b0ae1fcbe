package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.OrderEntry;
import io.ordergate.engine.OrderRequest;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.risk.RiskCheck;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * Turns one signal into one child order per target, in one engine step: sizes each member, maps its symbol, and
 * sends each child down the single-order path ({@link OrderEntry#place}), which applies that account's own limits.
 * Also the group drawdown guard, and the rendering of a fan-out's answer. Shared by group orders and webhook signals.
 * <b>Not thread safe</b>: engine thread; allocates nothing per child.
 */
public final class FanOutFlow
{
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private final EngineContext context;
    private final OrderEntry entry;
    private final FanOuts fanOuts;
    private final Sizer sizer;
    private final OrderRequest request = new OrderRequest();
    /** Where a venue reports the orders closing its own positions; made once so closing allocates nothing. */
    private final io.ordergate.engine.venue.Venue.ClosingOrders venueClosing = this::recordVenueClosing;
    private FanOut closingFanOut;

    public FanOutFlow(final EngineContext context, final OrderEntry entry, final FanOuts fanOuts)
    {
        this.context = context;
        this.entry = entry;
        this.fanOuts = fanOuts;
        this.sizer = new Sizer(context.values());
    }

    public FanOuts fanOuts()
    {
        return fanOuts;
    }

    /**
     * Checks the signal's fields as a whole before anything is made: rejects the event and answers null when invalid,
     * else the instrument. The request then holds the checked prices.
     */
    public Instrument validate(final CommandEvent event, final Signal signal)
    {
        final Instrument instrument = context.instruments().find(signal.symbol);
        if (instrument == null)
        {
            event.reject(ResultCode.UNKNOWN_SYMBOL, "unknown symbol", "symbol");
            return null;
        }
        if (signal.side == null || signal.type == null)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "side must be buy or sell", "side");
            return null;
        }
        if (signal.has(GroupBodies.HAS_QUANTITY) ? signal.quantity <= 0 : !signal.has(GroupBodies.HAS_RISK_PERCENT))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "quantity (greater than 0) or risk_percentage is required", "quantity");
            return null;
        }
        if (signal.has(GroupBodies.HAS_RISK_PERCENT) && (signal.riskPercentage <= 0 || signal.riskPercentage > HUNDRED_PERCENT))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "risk_percentage must be above 0 and at most 100", "risk_percentage");
            return null;
        }
        if (signal.type != OrderType.MARKET && !signal.has(NewOrderBody.HAS_PRICE))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "price is required for limit and stop orders", "price");
            return null;
        }
        fill(request.reset(), signal, instrument);
        final ResultCode invalid = entry.validatePrices(request);
        if (invalid != null)
        {
            event.reject(invalid, request.message, request.field);
            return null;
        }
        return instrument;
    }

    /** True if any target could take an order on this side that only reduces its position (a kill switch lets those through). */
    public static boolean anyCanReduce(final Group group, final Member[] extra, final int extraCount, final Instrument instrument, final Side side)
    {
        if (group != null)
        {
            for (int i = 0; i < group.memberCount(); i++)
            {
                if (opposite(group.member(i).account, instrument, side))
                {
                    return true;
                }
            }
        }
        for (int i = 0; i < extraCount; i++)
        {
            if (opposite(extra[i].account, instrument, side))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean opposite(final Account account, final Instrument instrument, final Side side)
    {
        final long held = account.positions[instrument.index].quantity;
        return side == Side.BUY ? held < 0 : held > 0;
    }

    /**
     * Makes one sized child per target: the group's members in member order, then {@code extra} accounts that are
     * not members (sized as multiplier 1). Call after {@link #validate}.
     */
    public FanOut open(
        final CommandEvent event, final int kind, final Group group, final Member[] extra, final int extraCount, final Signal signal,
        final Instrument instrument, final ResultCode pausedBy)
    {
        final long stopLoss = request.checkedStopLoss;
        final long entryPrice = request.checkedReference;
        final FanOut fanOut = fanOuts.allocate();
        fanOut.kind = kind;
        fanOut.groupId = group == null ? null : group.id;
        fanOut.createdAtMicros = event.wallMicros();
        final long riskLimit = group == null ? 0 : group.riskLimitPct;
        if (group != null)
        {
            for (int i = 0; i < group.memberCount(); i++)
            {
                child(event, fanOut, group.member(i), signal, instrument, entryPrice, stopLoss, riskLimit, pausedBy);
            }
        }
        for (int i = 0; i < extraCount; i++)
        {
            if (group == null || group.indexOf(extra[i].account.index) < 0)
            {
                child(event, fanOut, extra[i], signal, instrument, entryPrice, stopLoss, 0, pausedBy);
            }
        }
        return fanOut;
    }

    private void child(
        final CommandEvent event, final FanOut fanOut, final Member member, final Signal signal, final Instrument instrument,
        final long entryPrice, final long stopLoss, final long riskLimit, final ResultCode pausedBy)
    {
        final FanOutChild child = fanOuts.addChild(fanOut);
        child.accountIndex = member.account.index;
        child.instrumentIndex = instrument.index;
        child.venueSymbol = member.venueSymbol(instrument.index);
        final long quantity = sizer.size(child, member, instrument, signal.side, signal.flags, signal.quantity,
            signal.riskPercentage, entryPrice, stopLoss, riskLimit);
        if (quantity == 0)
        {
            child.status = OrderStatus.REJECTED;
            fanOut.errorCount++;
            return;
        }
        fill(request.reset(), signal, instrument);
        request.account = member.account;
        request.quantity = FixedPoint.rescale(quantity, instrument.quantityDigits, NewOrderBody.WIRE_DIGITS);
        request.venueSymbol = child.venueSymbol;
        request.groupOrderId = fanOut.id;
        request.pausedBy = pausedBy;
        request.nowMicros = event.wallMicros();
        record(fanOut, child, entry.place(request, event));
    }

    /** Closes positions of one account: the instrument's ({@code instrument} non-null) or all, filtered by direction. */
    public void close(final CommandEvent event, final FanOut fanOut, final Member member, final Instrument only, final int action, final String origin)
    {
        final Account account = member.account;
        for (int i = 0; i < context.instruments().count(); i++)
        {
            if (only != null && only.index != i)
            {
                continue;
            }
            final Position position = account.positions[i];
            if (!position.isOpen()
                || (action == GroupBodies.ACTION_CLOSE_LONG && position.quantity < 0)
                || (action == GroupBodies.ACTION_CLOSE_SHORT && position.quantity > 0))
            {
                continue;
            }
            final Instrument instrument = context.instruments().get(i);
            final FanOutChild child = fanOuts.addChild(fanOut);
            child.accountIndex = account.index;
            child.instrumentIndex = i;
            child.venueSymbol = member.venueSymbol(i);
            child.quantity = Math.abs(position.quantity);
            request.reset();
            request.account = account;
            request.instrument = instrument;
            request.side = position.quantity > 0 ? Side.SELL : Side.BUY;
            request.type = OrderType.MARKET;
            request.quantity = FixedPoint.rescale(child.quantity, instrument.quantityDigits, NewOrderBody.WIRE_DIGITS);
            request.venueSymbol = child.venueSymbol;
            request.groupOrderId = fanOut.id;
            request.origin = origin;
            request.nowMicros = event.wallMicros();
            record(fanOut, child, entry.place(request, event));
        }
        // Positions a venue holds itself (MT5 tickets) are closed by that venue, one closing order per ticket.
        final io.ordergate.engine.venue.Venue holder = context.positionHolder(account);
        if (holder != null)
        {
            final int direction = action == GroupBodies.ACTION_CLOSE_LONG ? 1 : action == GroupBodies.ACTION_CLOSE_SHORT ? -1 : 0;
            closingFanOut = fanOut;
            holder.closePositions(account, only == null ? -1 : only.index, direction, origin, event, venueClosing);
            closingFanOut = null;
        }
    }

    private void recordVenueClosing(final Order order, final ResultCode code)
    {
        final FanOutChild child = fanOuts.addChild(closingFanOut);
        child.accountIndex = order.accountIndex;
        child.instrumentIndex = order.instrumentIndex;
        child.venueSymbol = null;
        child.quantity = order.quantity;
        record(closingFanOut, child, order, code);
    }

    private void record(final FanOut fanOut, final FanOutChild child, final ResultCode code)
    {
        record(fanOut, child, request.order, code);
    }

    private void record(final FanOut fanOut, final FanOutChild child, final Order order, final ResultCode code)
    {
        if (order != null)
        {
            child.orderId = order.orderId;
            child.status = order.status;
            child.rejectCode = order.rejectCode;
        }
        else
        {
            child.status = OrderStatus.REJECTED;
            child.rejectCode = code;
        }
        if (child.status == OrderStatus.REJECTED)
        {
            fanOut.errorCount++;
        }
        else
        {
            fanOut.successCount++;
        }
    }

    private static void fill(final OrderRequest request, final Signal signal, final Instrument instrument)
    {
        request.instrument = instrument;
        request.symbolText = signal.symbol;
        request.side = signal.side;
        request.type = signal.type;
        request.timeInForce = signal.timeInForce;
        request.flags = signal.flags;
        request.quantity = signal.quantity;
        request.price = signal.price;
        request.stopLoss = signal.stopLoss;
        request.takeProfit = signal.takeProfit;
        request.stopLossPips = signal.stopLossPips;
        request.takeProfitPips = signal.takeProfitPips;
    }

    // ---- the group drawdown guard ----

    /** The sum of the members' equity, money units. */
    long equity(final Group group)
    {
        long total = 0;
        for (int i = 0; i < group.memberCount(); i++)
        {
            total += context.values().equity(group.member(i).account);
        }
        return total;
    }

    /** Restarts the high-water mark from the current equity (create, resume, member changes). */
    void resetPeak(final Group group)
    {
        group.peakEquity = equity(group);
    }

    /** Moves the high-water mark up and pauses the group when its drawdown reaches max_drawdown_pct. */
    public void checkDrawdown(final Group group, final long nowMicros)
    {
        if (group.maxDrawdownPct <= 0 || group.paused || group.memberCount() == 0)
        {
            return;
        }
        final long equity = equity(group);
        if (equity > group.peakEquity)
        {
            group.peakEquity = equity;
            return;
        }
        if (group.peakEquity > 0 && drawdownPct(group, equity) >= group.maxDrawdownPct)
        {
            group.paused = true;
            group.pauseReason = "max_drawdown";
            group.updatedAtMicros = nowMicros;
        }
    }

    static long drawdownPct(final Group group, final long equity)
    {
        return group.peakEquity <= 0 || equity >= group.peakEquity ? 0 : FixedPoint.mulDiv(group.peakEquity - equity, HUNDRED_PERCENT, group.peakEquity);
    }

    // ---- answers ----

    /** API.md's group order answer. */
    public void writeGroupOrder(final JsonWriter json, final FanOut fanOut)
    {
        json.startObject();
        json.name("group_order_id").idString(fanOut.id);
        json.name("success_count").number(fanOut.successCount);
        json.name("error_count").number(fanOut.errorCount);
        writeResults(json, fanOut);
        json.endObject();
    }

    /** Seed 003's webhook answer. */
    public void writeSignal(final JsonWriter json, final FanOut fanOut, final boolean duplicate)
    {
        json.startObject();
        json.name("success").bool(true);
        json.name("message").string(duplicate ? "Duplicate signal: already processed" : "Signal processed successfully");
        json.name("data").startObject();
        json.name("correlation_id").idString(fanOut.id);
        json.name("success_count").number(fanOut.successCount);
        json.name("error_count").number(fanOut.errorCount);
        writeResults(json, fanOut);
        if (duplicate)
        {
            json.name("duplicate").bool(true);
        }
        json.endObject();
        json.endObject();
    }

    public void writeResults(final JsonWriter json, final FanOut fanOut)
    {
        json.name("results").startArray();
        for (int i = 0; i < fanOut.childCount; i++)
        {
            final FanOutChild child = fanOuts.child(fanOut, i);
            if (child != null)
            {
                writeChild(json, child);
            }
        }
        json.endArray();
    }

    private void writeChild(final JsonWriter json, final FanOutChild child)
    {
        final Account account = context.accounts().get(child.accountIndex);
        final Order order = child.orderId == 0 ? null : context.orders().get(child.orderId);
        // A ticket opened by hand in the terminal may have a symbol the gateway doesn't know: its order carries it.
        final Instrument instrument = child.instrumentIndex >= 0 ? context.instruments().get(child.instrumentIndex) : null;
        final String symbol = instrument != null ? instrument.symbol : order.symbol;
        final int quantityDigits = instrument != null ? instrument.quantityDigits : order.quantityDigits;
        final int priceDigits = instrument != null ? instrument.priceDigits : order.priceDigits;
        final OrderStatus status = order != null ? order.status : child.status;
        json.startObject();
        json.name("account_id").string(account.id);
        json.name("order_id");
        if (child.orderId == 0)
        {
            json.nullValue();
        }
        else
        {
            json.idString(child.orderId);
        }
        json.name("symbol").string(symbol);
        json.name("venue_symbol").string(child.venueSymbol != null ? child.venueSymbol : symbol);
        json.name("status").string(status.wireName());
        json.name("quantity").decimal(child.quantity, quantityDigits);
        if (order != null && order.filledQuantity != 0)
        {
            json.name("filled_quantity").decimal(order.filledQuantity, quantityDigits);
            json.name("average_price").decimalOrNull(order.averagePrice, priceDigits, OrderView.NONE);
        }
        final ResultCode rejectCode = order != null ? order.rejectCode : child.rejectCode;
        if (rejectCode != null)
        {
            json.name("reject_code").string(rejectCode.name());
            json.name("reject_message").string(rejectCode.defaultMessage());
        }
        json.name("sizing");
        if (child.mode == 0)
        {
            json.nullValue();
        }
        else
        {
            json.startObject();
            json.name("mode").string(Member.modeName(child.mode));
            json.name("inputs").startObject();
            optional(json, "signal_quantity", child.signalQuantity, NewOrderBody.WIRE_DIGITS);
            optional(json, "risk_percentage", child.riskPercentage, NewOrderBody.WIRE_DIGITS);
            json.name("value").decimal(child.value, NewOrderBody.WIRE_DIGITS);
            optional(json, "equity", child.equity, Money.DIGITS);
            optional(json, "stop_distance", child.stopDistance, instrument.priceDigits);
            optional(json, "loss_per_lot", child.lossPerLot, Money.DIGITS);
            json.endObject();
            json.name("raw_quantity").decimal(child.rawQuantity, NewOrderBody.WIRE_DIGITS);
            json.name("quantity").decimal(child.quantity, instrument.quantityDigits);
            json.name("clamped_by").string(FanOutChild.clampName(child.clampedBy));
            json.endObject();
        }
        json.endObject();
    }

    private static void optional(final JsonWriter json, final String name, final long value, final int digits)
    {
        if (value != OrderView.NONE)
        {
            json.name(name).decimal(value, digits);
        }
    }
}
