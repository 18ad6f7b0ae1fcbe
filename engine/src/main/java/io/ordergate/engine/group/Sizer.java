package io.ordergate.engine.group;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;
import io.ordergate.fixed.TowardZero;

/**
 * Sizes one member's child order, exactly, writing every input and step into the child's trace.
 *
 * <ul>
 *   <li>fixed: {@code value} lots;</li>
 *   <li>multiplier: signal quantity × {@code value};</li>
 *   <li>risk_percent: the quantity whose loss at the stop loss is {@code value}% of the member's equity (needs a
 *       stop: else {@link ResultCode#STOP_LOSS_REQUIRED}; an account whose currency cannot value the instrument:
 *       {@link ResultCode#NO_PRICE});</li>
 *   <li>equity_ratio: signal quantity × member equity ÷ {@code value}.</li>
 * </ul>
 * When the signal gives {@code risk_percentage} instead of a quantity, the signal quantity of each member is the
 * risk-sized quantity for that percent of its own equity; without a stop, the size that takes that percent of its
 * equity as margin at the signal's {@code leverage} (or the account's). The raw size (8 digits, truncated: never over the
 * risk or the product asked) is rounded DOWN to
 * the lot step, capped at the instrument's max_quantity and at the group's risk_limit; below min_quantity the
 * member is refused ({@link ResultCode#SIZE_BELOW_MINIMUM}), never sized up.
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class Sizer
{
    private static final long WIRE_ONE = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);
    private static final long HUNDRED_PERCENT = 100 * WIRE_ONE;
    /** One money unit (a cent) in wire units. */
    private static final long MONEY_TO_WIRE = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS - Money.DIGITS);

    private final AccountValues values;

    Sizer(final AccountValues values)
    {
        this.values = values;
    }

    /**
     * @param leverage   the signal's leverage for margin-based sizing (wire digits), or 0 for the account's
     * @param entry      the price the child is expected to trade at (NONE without a quote)
     * @param stopLoss   the stop loss as a price, or NONE
     * @return the quantity in instrument units, or 0 with {@code child.rejectCode} set
     */
    long size(
        final FanOutChild child, final Member member, final Instrument instrument, final Side side, final int signalFlags,
        final long signalQuantity, final long riskPercentage, final long leverage, final long entry, final long stopLoss,
        final long riskLimitPct)
    {
        final Account account = member.account;
        child.mode = member.mode;
        child.value = member.value;
        final boolean needsEquity = member.mode == GroupBodies.SIZING_RISK_PERCENT || member.mode == GroupBodies.SIZING_EQUITY_RATIO
            || (signalFlags & GroupBodies.HAS_RISK_PERCENT) != 0
            || (member.mode == GroupBodies.SIZING_MULTIPLIER && (signalFlags & GroupBodies.HAS_QUANTITY) == 0)
            || riskLimitPct > 0;
        final long equity = needsEquity ? values.equity(account) : OrderView.NONE;
        child.equity = equity;
        // the loss of lossLots lots at the stop: a million lots of a cheap instrument, whose one lot loses a few cents
        long lossPerLot = OrderView.NONE;
        long lossLots = 1;
        if (stopLoss != OrderView.NONE && entry != OrderView.NONE)
        {
            child.stopDistance = Math.abs(entry - stopLoss);
            final long oneLot = FixedPoint.pow10(instrument.quantityDigits);
            final int sign = side == Side.BUY ? 1 : -1;
            long pnl = Valuation.pnl(account, instrument, sign, oneLot, entry, stopLoss);
            lossLots = Valuation.sizingLots(pnl);
            if (lossLots > 1)
            {
                pnl = Valuation.pnl(account, instrument, sign, oneLot * lossLots, entry, stopLoss);
            }
            if (pnl != Valuation.NO_CONVERSION && pnl < 0)
            {
                lossPerLot = -pnl;
                child.lossPerLot = FixedPoint.mulDiv(lossPerLot, 1, lossLots);  // the trace: money per lot
            }
        }

        // The signal's quantity for this member: given, or sized from risk_percentage.
        long signal = OrderView.NONE;
        if ((signalFlags & GroupBodies.HAS_QUANTITY) != 0)
        {
            signal = signalQuantity;
        }
        else if ((signalFlags & GroupBodies.HAS_RISK_PERCENT) != 0 && member.mode != GroupBodies.SIZING_FIXED
            && member.mode != GroupBodies.SIZING_RISK_PERCENT)
        {
            child.riskPercentage = riskPercentage;
            if (lossPerLot != OrderView.NONE)
            {
                signal = riskSized(equity, riskPercentage, lossPerLot, lossLots);
            }
            else
            {
                // No stop to measure a loss at (seed 003's execute): that percent of equity as margin at the leverage.
                if (entry == OrderView.NONE)
                {
                    return refuse(child, ResultCode.NO_PRICE);
                }
                // No leverage asked: the one the venue holds the symbol at (a futures account's, not the account's own 1).
                final long atLeverage = leverage > 0 ? leverage : values.leverage(account, instrument) * WIRE_ONE;
                signal = marginSized(child, account, instrument, equity, riskPercentage, atLeverage, entry);
                if (signal == OrderView.NONE)
                {
                    return refuse(child, ResultCode.NO_PRICE);
                }
            }
        }

        final long raw;
        switch (member.mode)
        {
            case GroupBodies.SIZING_FIXED:
                raw = member.value;
                break;
            case GroupBodies.SIZING_MULTIPLIER:
                child.signalQuantity = signal;
                // toward zero, as every size: half-even made 0.19999999 x 0.5 (0.099999995) 0.10000000, a lot step over 0.09
                raw = TowardZero.mulDivSaturated(signal, member.value, WIRE_ONE);
                break;
            case GroupBodies.SIZING_RISK_PERCENT:
                if (!Valuation.canValue(account, instrument))
                {
                    // no loss in the account's money to size on (a JPY account, EURUSD), stop or not: as its own order is
                    return refuse(child, ResultCode.NO_PRICE);
                }
                if (lossPerLot == OrderView.NONE)
                {
                    return refuse(child, ResultCode.STOP_LOSS_REQUIRED);
                }
                raw = riskSized(equity, member.value, lossPerLot, lossLots);
                break;
            case GroupBodies.SIZING_EQUITY_RATIO:
            default:
                child.signalQuantity = signal;
                raw = equityRatioSized(signal, Math.max(equity, 0), member.value);
                break;
        }
        child.rawQuantity = raw;

        final long unit = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS - instrument.quantityDigits);
        final long units = Math.max(raw, 0) / unit;
        long quantity = units - units % instrument.lotStep;
        if (quantity * unit != raw)
        {
            child.clampedBy = FanOutChild.CLAMP_LOT_STEP;
        }
        if (quantity > instrument.maxQuantity)
        {
            quantity = instrument.maxQuantity - instrument.maxQuantity % instrument.lotStep;
            child.clampedBy = FanOutChild.CLAMP_MAX_QUANTITY;
        }
        if (riskLimitPct > 0 && lossPerLot != OrderView.NONE)
        {
            final long cap = riskSized(equity, riskLimitPct, lossPerLot, lossLots) / unit;
            final long capped = cap - cap % instrument.lotStep;
            if (quantity > capped)
            {
                quantity = capped;
                child.clampedBy = FanOutChild.CLAMP_RISK_LIMIT;
            }
        }
        if (quantity < instrument.minQuantity || quantity <= 0)
        {
            if (child.clampedBy == FanOutChild.CLAMP_NONE || child.clampedBy == FanOutChild.CLAMP_LOT_STEP)
            {
                child.clampedBy = FanOutChild.CLAMP_MIN_QUANTITY;
            }
            child.quantity = quantity;
            return refuse(child, ResultCode.SIZE_BELOW_MINIMUM);
        }
        child.quantity = quantity;
        return quantity;
    }

    /**
     * The quantity (wire digits) whose margin at {@code leverage} (wire digits, more than 0) is {@code
     * percent}% of {@code equity}: notional = equity × percent ÷ 100 × leverage, quantity = notional ÷ the notional of
     * one lot at the entry price. Traces the leverage and margin; NONE when the account's currency cannot value it.
     */
    private static long marginSized(final FanOutChild child, final Account account, final Instrument instrument, final long equity,
        final long percent, final long leverage, final long entry)
    {
        // the money and the size toward zero, as for risk: half-even made 1% of 99,999.50 (999.995) 1,000.00, and at 100:1
        // on a 1.00000 price a whole 1.00 lot where 0.99999 is asked
        final long margin = Math.max(0, TowardZero.mulDivSaturated(equity, percent, HUNDRED_PERCENT));
        child.leverage = leverage;
        child.margin = margin;
        final long oneLot = FixedPoint.pow10(instrument.quantityDigits);
        long lotNotional = Valuation.notional(account, instrument, oneLot, entry);
        final long lots = leverage <= Long.MAX_VALUE / Valuation.FINE_LOTS ? Valuation.sizingLots(lotNotional) : 1;
        if (lots > 1)
        {
            lotNotional = Valuation.notional(account, instrument, oneLot * lots, entry);  // a cheap lot's cents, exact enough
        }
        if (lotNotional == Valuation.NO_CONVERSION || lotNotional <= 0)
        {
            return OrderView.NONE;
        }
        // margin (money) × leverage (wire) ÷ the notional of one lot (money) = lots at wire digits
        return TowardZero.mulDivSaturated(margin, leverage * lots, lotNotional);
    }

    /**
     * signal (wire) × equity (money) ÷ value (wire, a money amount), truncated, past a long Long.MAX_VALUE (capped at
     * max_quantity after). Equity at wire digits passes a long above 92,233,720,368.54, where rescaling it first threw (the
     * whole group order failed inside): there, signal × equity ÷ value in whole and remainder, each scaled, exactly.
     * The signal and equity are at least 0 (FanOutFlow refuses a quantity at or below 0, a risk- or margin-sized signal is
     * never negative, the caller floors equity at 0) and value above 0 (MemberReader), so a signal of 0 is 0 either way.
     */
    private static long equityRatioSized(final long signal, final long equity, final long value)
    {
        if (equity <= Long.MAX_VALUE / MONEY_TO_WIRE)
        {
            return TowardZero.mulDivSaturated(signal, equity * MONEY_TO_WIRE, value);
        }
        final long whole = TowardZero.mulDivSaturated(signal, equity, value);
        if (whole > Long.MAX_VALUE / MONEY_TO_WIRE)
        {
            return Long.MAX_VALUE;
        }
        final long remainder = signal * equity - whole * value;  // exact modulo 2^64, and the true remainder is below value
        final long part = TowardZero.mulDivSaturated(remainder, MONEY_TO_WIRE, value);
        return whole * MONEY_TO_WIRE > Long.MAX_VALUE - part ? Long.MAX_VALUE : whole * MONEY_TO_WIRE + part;
    }

    /** The quantity (wire digits) whose loss at the stop is {@code percent}% of {@code equity}; {@code loss} is that of {@code lots} lots. */
    private static long riskSized(final long equity, final long percent, final long loss, final long lots)
    {
        if (equity <= 0)
        {
            return 0;
        }
        // the money and the size toward zero: half-even could round 10.999999999 lots up to 11.00000000, or 1.5% of 1006.40
        // (15.096) up to 15.10, each a lot step over the risk asked
        final long riskMoney = TowardZero.mulDivSaturated(equity, percent, HUNDRED_PERCENT);
        return TowardZero.mulDivSaturated(riskMoney, WIRE_ONE * lots, loss);
    }

    private static long refuse(final FanOutChild child, final ResultCode code)
    {
        child.rejectCode = code;
        return 0;
    }
}
