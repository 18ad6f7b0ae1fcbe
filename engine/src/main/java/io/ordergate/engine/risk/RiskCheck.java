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
     * @param orderPrice the order's own price for limit and stop orders (the price collar's subject; unused for market)
     * @param fillPrice  the price the order is expected to trade at, which notional and margin are valued at: the
     *                   executable quote for a market order and for a limit or stop the quote already reaches
     *                   ({@link Instrument#fillsNow}), the order's own price for one that rests
     */
    public ResultCode check(
        final Account account, final Instrument instrument, final Side side, final OrderType type, final long quantity,
        final long orderPrice, final long fillPrice, final long timeMicros)
    {
        return check(account, instrument, side, type, quantity, orderPrice, fillPrice,
            reducesOnly(account, instrument, side, quantity, 0), timeMicros);
    }

    /** As above, with {@link #reducesOnly} already known (the order path asks it once for its kill switches too). */
    public ResultCode check(
        final Account account, final Instrument instrument, final Side side, final OrderType type, final long quantity,
        final long orderPrice, final long fillPrice, final boolean reducing, final long timeMicros)
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

        // Only forward: stamps from several event loops can reach the ring a little out of order, and a stamp a
        // millisecond older must not start the second again (nor let a burst across the boundary count twice).
        final long second = timeMicros / MICROS_PER_SECOND;
        if (second > account.throttleSecond)
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

        final long notional = Valuation.notional(account, instrument, quantity, fillPrice);
        if (limits.maxNotional > 0 && notional > limits.maxNotional)
        {
            return ResultCode.RISK_MAX_NOTIONAL;
        }

        if (limits.priceCollarPct > 0 && type != OrderType.MARKET && instrument.hasQuote())
        {
            final long mid = (instrument.bid + instrument.ask) / 2;
            final long allowed = FixedPoint.mulDiv(mid, limits.priceCollarPct, HUNDRED_PERCENT);
            if (Math.abs(orderPrice - mid) > allowed)
            {
                return ResultCode.RISK_PRICE_COLLAR;
            }
        }

        // What a reducing order does to the position is not limited: only what adds is measured, once for both checks.
        final long venueHeld = reducing ? 0 : values.heldQuantity(account, instrument);
        final long after = reducing ? 0 : positionAfter(account, instrument, side, quantity, venueHeld);
        if (!reducing && exceedsPositionLimit(account, instrument, after))
        {
            return ResultCode.RISK_MAX_POSITION;
        }

        if (limits.maxOpenOrders > 0 && type != OrderType.MARKET && account.openOrders >= limits.maxOpenOrders)
        {
            return ResultCode.RISK_MAX_OPEN_ORDERS;
        }

        return reducing ? null : lossAndMargin(account, instrument, quantity, fillPrice, timeMicros, venueHeld, after);
    }

    /**
     * Checks a resting order again when a quote reaches it, at the price it is about to fill at: what it adds to the
     * account now, not what it added when it was placed. An order that only reduced a position when it was placed can
     * open or flip one by the time it fills (the position closed meanwhile, by a stop or by another order), and the
     * account may have been paused or run out of margin since. Throttle, order size, notional and collar were the
     * placement's checks and are not asked again.
     *
     * @return null when the fill may go on, else ACCOUNT_PAUSED, RISK_MAX_POSITION, RISK_DAILY_LOSS or INSUFFICIENT_MARGIN
     */
    public ResultCode checkRestingFill(
        final Account account, final Instrument instrument, final Side side, final long quantity, final long closesPositionId,
        final long fillPrice, final long timeMicros)
    {
        if (reducesOnly(account, instrument, side, quantity, closesPositionId))
        {
            return null;
        }
        if (account.status != AccountStatus.ACTIVE)
        {
            return ResultCode.ACCOUNT_PAUSED;
        }
        final long venueHeld = values.heldQuantity(account, instrument);
        final long after = positionAfter(account, instrument, side, quantity, venueHeld);
        if (exceedsPositionLimit(account, instrument, after))
        {
            return ResultCode.RISK_MAX_POSITION;
        }
        return lossAndMargin(account, instrument, quantity, fillPrice, timeMicros, venueHeld, after);
    }

    // Of an order that does not only reduce. Netting: the net position after the order. Hedging: every position in the instrument, longs and shorts alike,
    // plus the order (each is its own exposure: a short does not cancel a long's margin or size). Positions a venue
    // holds (MT5 tickets; the engine's slot stays flat) count the same way as hedged ones.
    private static long positionAfter(final Account account, final Instrument instrument, final Side side, final long quantity,
        final long venueHeld)
    {
        return account.hedging || venueHeld > 0
            ? grossHedged(account, instrument) + venueHeld + quantity
            : account.positions[instrument.index].quantity + (side == Side.BUY ? quantity : -quantity);
    }

    private static boolean exceedsPositionLimit(final Account account, final Instrument instrument, final long after)
    {
        final long limit = account.risk.maxPositionQuantity;
        return limit > 0 && FixedPoint.rescale(Math.abs(after), instrument.quantityDigits, NewOrderBody.WIRE_DIGITS) > limit;
    }

    private ResultCode lossAndMargin(final Account account, final Instrument instrument, final long quantity, final long fillPrice,
        final long timeMicros, final long venueHeld, final long after)
    {
        final RiskLimits limits = account.risk;
        if (limits.maxDailyLoss > 0)
        {
            // The day the loss counter belongs to or a later one (never an older stamp: see the throttle above).
            final long todayRealized = timeMicros / MICROS_PER_DAY <= account.lossDay ? account.dailyRealizedPnl : 0;
            if (todayRealized + values.unrealized(account) <= -limits.maxDailyLoss)
            {
                return ResultCode.RISK_DAILY_LOSS;
            }
        }
        final long held = account.positions[instrument.index].quantity;
        final long addedExposure = account.hedging || venueHeld > 0 ? quantity
            : Math.abs(after) - (Long.signum(after) == Long.signum(held) ? Math.abs(held) : 0);
        if (addedExposure > 0)
        {
            // at the leverage the venue holds the position at (a futures symbol's), as the positions' margin is counted
            final long required = values.margin(account, instrument, addedExposure, fillPrice);
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
