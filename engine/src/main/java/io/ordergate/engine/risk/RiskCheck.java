package io.ordergate.engine.risk;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.AccountStatus;
import io.ordergate.engine.account.RiskLimits;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.position.HedgePositions;
import io.ordergate.engine.position.Position;
import io.ordergate.fixed.FixedPoint;

/**
 * Pre-trade checks of one order against its account's state and limits, in a fixed order so the same journal
 * always gives the same rejections. Answers {@code null} when the order may go on.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class RiskCheck
{
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private final AccountValues values;

    public RiskCheck(final AccountValues values)
    {
        this.values = values;
    }

    /** True when the order can only shrink the account's net position in the instrument (see the full form). */
    public static boolean reducesOnly(final Account account, final Instrument instrument, final Side side, final long quantity)
    {
        return reducesOnly(account, instrument, side, quantity, 0);
    }

    /**
     * True when the order can only shrink a position (never flip or add): on a netting account, against the net
     * position; on a hedging account, only a close naming one of its positions ({@code closesPositionId}) reduces.
     */
    public static boolean reducesOnly(final Account account, final Instrument instrument, final Side side, final long quantity,
        final long closesPositionId)
    {
        if (account.hedging)
        {
            final Position target = closesPositionId == 0 ? null : HedgePositions.find(account, closesPositionId);
            return target != null && target.instrumentIndex == instrument.index && (side == Side.BUY) == (target.quantity < 0)
                && quantity <= Math.abs(target.quantity);
        }
        final long held = account.positions[instrument.index].quantity;
        final boolean opposite = side == Side.BUY ? held < 0 : held > 0;
        return opposite && quantity <= Math.abs(held);
    }

    /**
     * @param referencePrice the price the order is expected to trade at: the executable quote for a market order,
     *                       the order's own price for limit and stop orders
     */
    public ResultCode check(
        final Account account, final Instrument instrument, final Side side, final OrderType type, final long quantity,
        final long referencePrice, final long timeMicros)
    {
        return check(account, instrument, side, type, quantity, referencePrice, 0, timeMicros);
    }

    /** As above, for an order that may close a named position ({@code closesPositionId}, 0 for none). */
    public ResultCode check(
        final Account account, final Instrument instrument, final Side side, final OrderType type, final long quantity,
        final long referencePrice, final long closesPositionId, final long timeMicros)
    {
        return check(account, instrument, side, type, quantity, referencePrice,
            reducesOnly(account, instrument, side, quantity, closesPositionId), timeMicros);
    }

    /** As above, with {@link #reducesOnly} already known (the order path asks it once for its kill switches too). */
    public ResultCode check(
        final Account account, final Instrument instrument, final Side side, final OrderType type, final long quantity,
        final long referencePrice, final boolean reducing, final long timeMicros)
    {
        final RiskLimits limits = account.risk;

        if (account.status != AccountStatus.ACTIVE && !reducing)
        {
            return ResultCode.ACCOUNT_PAUSED;
        }
        if ((type == OrderType.MARKET && !instrument.hasQuote()) || !Valuation.canValue(account, instrument))
        {
            return ResultCode.NO_PRICE;
        }

        final long second = timeMicros / MICROS_PER_SECOND;
        if (second != account.throttleSecond)
        {
            account.throttleSecond = second;
            account.throttleCount = 0;
        }
        account.throttleCount++;
        if (limits.maxOrdersPerSecond > 0 && account.throttleCount > limits.maxOrdersPerSecond)
        {
            return ResultCode.RISK_THROTTLE;
        }

        final long wireQuantity = FixedPoint.rescale(quantity, instrument.quantityDigits, NewOrderBody.WIRE_DIGITS);
        if (limits.maxOrderQuantity > 0 && wireQuantity > limits.maxOrderQuantity)
        {
            return ResultCode.RISK_MAX_ORDER_QUANTITY;
        }

        final long notional = Valuation.notional(account, instrument, quantity, referencePrice);
        if (limits.maxNotional > 0 && notional > limits.maxNotional)
        {
            return ResultCode.RISK_MAX_NOTIONAL;
        }

        if (limits.priceCollarPct > 0 && type != OrderType.MARKET && instrument.hasQuote())
        {
            final long mid = (instrument.bid + instrument.ask) / 2;
            final long allowed = FixedPoint.mulDiv(mid, limits.priceCollarPct, HUNDRED_PERCENT);
            if (Math.abs(referencePrice - mid) > allowed)
            {
                return ResultCode.RISK_PRICE_COLLAR;
            }
        }

        // Netting: the net position after the order. Hedging: every position in the instrument, longs and shorts alike,
        // plus the order (each is its own exposure: a short does not cancel a long's margin or size). Positions a venue
        // holds (MT5 tickets; the engine's slot stays flat) count the same way as hedged ones.
        final Position position = account.positions[instrument.index];
        final long venueHeld = values.heldQuantity(account, instrument);
        final long after = account.hedging || venueHeld > 0
            ? grossHedged(account, instrument) + venueHeld + (reducing ? -quantity : quantity)
            : position.quantity + (side == Side.BUY ? quantity : -quantity);
        if (limits.maxPositionQuantity > 0 && !reducing
            && FixedPoint.rescale(Math.abs(after), instrument.quantityDigits, NewOrderBody.WIRE_DIGITS) > limits.maxPositionQuantity)
        {
            return ResultCode.RISK_MAX_POSITION;
        }

        if (limits.maxOpenOrders > 0 && type != OrderType.MARKET && account.openOrders >= limits.maxOpenOrders)
        {
            return ResultCode.RISK_MAX_OPEN_ORDERS;
        }

        if (reducing)
        {
            return null;
        }

        if (limits.maxDailyLoss > 0)
        {
            final long todayRealized = timeMicros / MICROS_PER_DAY == account.lossDay ? account.dailyRealizedPnl : 0;
            if (todayRealized + values.unrealized(account) <= -limits.maxDailyLoss)
            {
                return ResultCode.RISK_DAILY_LOSS;
            }
        }

        final long addedExposure = account.hedging || venueHeld > 0 ? quantity
            : Math.abs(after) - (Long.signum(after) == Long.signum(position.quantity) ? Math.abs(position.quantity) : 0);
        if (addedExposure > 0)
        {
            final long required = Valuation.margin(account, instrument, addedExposure, referencePrice);
            final long free = values.equity(account) - values.marginUsed(account);
            if (required > free)
            {
                return ResultCode.INSUFFICIENT_MARGIN;
            }
        }
        return null;
    }

    /** The sum of the sizes of a hedging account's positions in the instrument. */
    private static long grossHedged(final Account account, final Instrument instrument)
    {
        long gross = 0;
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            if (hedge.instrumentIndex == instrument.index)
            {
                gross += Math.abs(hedge.quantity);
            }
        }
        return gross;
    }
}
