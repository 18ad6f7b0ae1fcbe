package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.order.OrderEntry;
import io.ordergate.engine.order.OrderPlacement;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.fixed.FixedPoint;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per child.
 * Turns one signal into one child order per target, in one engine step: sizes each member, maps its symbol, and
 * sends each child down the single-order path ({@link OrderEntry#place}), which applies that account's own limits.
 * Shared by group orders and webhook signals; closing is {@link FanOutCloser}, the drawdown guard
 * {@link DrawdownGuard}, the answers {@link FanOutJson}.
 */
public final class FanOutFlow
{
    private static final long WIRE_ONE = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
    private static final long HUNDRED_PERCENT = 100 * WIRE_ONE;

    private final EngineContext context;
    private final OrderEntry entry;
    private final FanOuts fanOuts;
    private final Sizer sizer;
    /** Scratch for one child at a time; {@link #validate} leaves the checked prices in it for {@link #open}. */
    private final OrderPlacement placement = new OrderPlacement();

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
     * else the instrument. The placement then holds the checked prices.
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
        if (signal.has(GroupBodies.HAS_LEVERAGE) && (signal.leverage <= 0 || signal.leverage > 1000 * WIRE_ONE))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "leverage must be above 0 and at most 1000", "leverage");
            return null;
        }
        if (signal.type != OrderType.MARKET && !signal.has(NewOrderBody.HAS_PRICE))
        {
            event.reject(ResultCode.VALIDATION_ERROR, "price is required for limit and stop orders", "price");
            return null;
        }
        fill(placement.reset(), signal, instrument);
        final ResultCode invalid = entry.validatePrices(placement);
        if (invalid != null)
        {
            event.reject(invalid, placement.message, placement.field);
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
        if (account.hedging)
        {
            return false;  // a hedging account's order opens a position of its own
        }
        final long held = account.positions[instrument.index].quantity;
        return side == Side.BUY ? held < 0 : held > 0;
    }

    /**
     * Makes one sized child per target: the group's members in member order, then {@code extra} accounts that are
     * not members (sized as multiplier 1). A paused group ({@code pausedBy} GROUP_PAUSED) holds back its members only:
     * the extra accounts are not in it. Call after {@link #validate}.
     */
    public FanOut open(
        final CommandEvent event, final int kind, final Group group, final Member[] extra, final int extraCount, final Signal signal,
        final Instrument instrument, final ResultCode pausedBy)
    {
        final long stopLoss = placement.checkedStopLoss;
        final long entryPrice = placement.checkedReference;
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
                child(event, fanOut, extra[i], signal, instrument, entryPrice, stopLoss, 0, pausedBy == ResultCode.GROUP_PAUSED ? null : pausedBy);
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
            signal.riskPercentage, signal.has(GroupBodies.HAS_LEVERAGE) ? signal.leverage : 0, entryPrice, stopLoss, riskLimit);
        if (quantity == 0)
        {
            child.status = OrderStatus.REJECTED;
            fanOut.errorCount++;
            return;
        }
        fill(placement.reset(), signal, instrument);
        placement.account = member.account;
        placement.quantity = FixedPoint.rescale(quantity, instrument.quantityDigits, NewOrderBody.WIRE_DIGITS);
        placement.venueSymbol = child.venueSymbol;
        placement.groupOrderId = fanOut.id;
        placement.pausedBy = pausedBy;
        placement.nowMicros = event.wallMicros();
        final ResultCode code = entry.place(placement, event);
        fanOut.record(child, placement.order, code);
    }

    private static void fill(final OrderPlacement placement, final Signal signal, final Instrument instrument)
    {
        placement.copyTerms(signal);
        placement.instrument = instrument;
    }
}
