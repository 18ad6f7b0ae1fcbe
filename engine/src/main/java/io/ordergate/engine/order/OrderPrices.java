package io.ordergate.engine.order;

import io.ordergate.engine.Wire;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.position.PositionStops;
import io.ordergate.fixed.FixedPoint;

/**
 * The prices of one placement, checked against its instrument and the current quote: the limit or stop price, and
 * the stop loss and take profit as prices, given as prices, as pips or as a percent of the entry price (the quote for
 * a market order, the order's price otherwise), and a trailing stop's distance (a percent, or pips made a price
 * distance). A trailing stop starts where it would stand at the entry price, or at the given stop loss when that is
 * tighter. Stateless; engine thread; allocates nothing.
 */
final class OrderPrices
{
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private OrderPrices()
    {
    }

    /**
     * @return null when valid (the placement's checked* fields then hold the prices), else
     *         {@link ResultCode#VALIDATION_ERROR} with the placement's message and field set
     */
    static ResultCode validate(final OrderPlacement placement)
    {
        final Instrument instrument = placement.instrument;
        long price = OrderView.NONE;
        if (placement.type != OrderType.MARKET)
        {
            if (!placement.has(NewOrderBody.HAS_PRICE) || placement.price <= 0)
            {
                return refuse(placement, "price is required and must be positive for limit and stop orders", "price");
            }
            price = Wire.exact(placement.price, instrument.priceDigits);
            if (price == Wire.INEXACT)
            {
                return refuse(placement, "price has more decimal places than the instrument's digits", "price");
            }
        }
        final long reference = placement.type == OrderType.MARKET
            ? (instrument.hasQuote() ? instrument.executablePrice(placement.side == Side.BUY) : OrderView.NONE)
            : price;
        // Wire.INEXACT is OrderView.NONE (both Long.MIN_VALUE), so a refusal shows in the placement's message.
        long stopLoss = stop(placement, instrument, reference, true);
        if (placement.message != null)
        {
            return ResultCode.VALIDATION_ERROR;
        }
        final long takeProfit = stop(placement, instrument, reference, false);
        if (placement.message != null)
        {
            return ResultCode.VALIDATION_ERROR;
        }
        long trailingPct = 0;
        long trailingDistance = 0;
        if (placement.has(NewOrderBody.HAS_TRAILING_STOP_PCT))
        {
            trailingPct = placement.trailingStopPct;
            if (trailingPct <= 0 || trailingPct >= HUNDRED_PERCENT)
            {
                return refuse(placement, "trailing_stop_pct must be above 0 and below 100", "trailing_stop_pct");
            }
        }
        else if (placement.has(NewOrderBody.HAS_TRAILING_STOP_PIPS))
        {
            trailingDistance = Wire.pipsToPrice(placement.trailingStopPips, instrument.pipSize);
            if (trailingDistance <= 0)
            {
                return refuse(placement, "trailing_stop_pips must be above 0", "trailing_stop_pips");
            }
        }
        if ((trailingPct != 0 || trailingDistance != 0) && reference != OrderView.NONE)
        {
            final boolean isLong = placement.side == Side.BUY;
            final String trailingField = trailingPct != 0 ? "trailing_stop_pct" : "trailing_stop_pips";
            // As a stop's: a short's start past what can be valued (checked before the add, which could wrap past a long),
            // a start at or below zero, a start further from the entry than can be valued.
            final long away = PositionStops.away(reference, trailingPct, trailingDistance);
            if (!isLong && away > PositionStops.maxStop(instrument) - reference)
            {
                return refuse(placement, PositionStops.TOO_FAR, trailingField);
            }
            final long start = PositionStops.trailed(isLong, reference, trailingPct, trailingDistance);
            if (start <= 0)
            {
                return refuse(placement, "the trailing stop would start at or below zero", trailingField);
            }
            if (away > PositionStops.maxStop(instrument))
            {
                return refuse(placement, PositionStops.TOO_FAR, trailingField);
            }
            if (PositionStops.tighter(isLong, start, stopLoss))
            {
                stopLoss = start;
            }
        }
        placement.checkedPrice = price;
        placement.checkedReference = reference;
        placement.checkedStopLoss = stopLoss;
        placement.checkedTakeProfit = takeProfit;
        placement.checkedTrailingPct = trailingPct;
        placement.checkedTrailingDistance = trailingDistance;
        return null;
    }

    /**
     * The stop loss or take profit as a price: given as a price, as pips or as a percent from the reference price;
     * checked to be on the protective side of it, or {@link OrderView#NONE}. When invalid it sets the placement's
     * message (callers test that: the answer then is no price, and NONE cannot tell it apart).
     */
    private static long stop(final OrderPlacement placement, final Instrument instrument, final long reference, final boolean isStopLoss)
    {
        final Side side = placement.side;
        final int priceFlag = isStopLoss ? NewOrderBody.HAS_STOP_LOSS : NewOrderBody.HAS_TAKE_PROFIT;
        final int pipsFlag = isStopLoss ? NewOrderBody.HAS_STOP_LOSS_PIPS : NewOrderBody.HAS_TAKE_PROFIT_PIPS;
        final int pctFlag = isStopLoss ? NewOrderBody.HAS_STOP_LOSS_PCT : NewOrderBody.HAS_TAKE_PROFIT_PCT;
        final String name = isStopLoss ? "stop_loss" : "take_profit";
        final String field = placement.has(priceFlag) ? name
            : placement.has(pipsFlag) ? (isStopLoss ? "stop_loss_pips" : "take_profit_pips")
            : (isStopLoss ? "stop_loss_pct" : "take_profit_pct");
        final boolean below = (side == Side.BUY) == isStopLoss;
        final long value;
        if (placement.has(priceFlag))
        {
            value = Wire.exact(isStopLoss ? placement.stopLoss : placement.takeProfit, instrument.priceDigits);
            if (value == Wire.INEXACT)
            {
                refuse(placement, "price has more decimal places than the instrument's digits", field);
                return Wire.INEXACT;
            }
        }
        else if (placement.has(pipsFlag) || placement.has(pctFlag))
        {
            if (reference == OrderView.NONE)
            {
                return OrderView.NONE;  // no price to measure from: the order is rejected NO_PRICE by risk
            }
            final long distance;
            if (placement.has(pipsFlag))
            {
                distance = Wire.pipsToPrice(isStopLoss ? placement.stopLossPips : placement.takeProfitPips, instrument.pipSize);
            }
            else
            {
                final long pct = isStopLoss ? placement.stopLossPct : placement.takeProfitPct;
                if (pct <= 0 || (isStopLoss && pct >= HUNDRED_PERCENT))
                {
                    refuse(placement, isStopLoss ? "stop_loss_pct must be above 0 and below 100" : "take_profit_pct must be above 0", field);
                    return Wire.INEXACT;
                }
                distance = FixedPoint.mulDivSaturated(reference, pct, HUNDRED_PERCENT);
            }
            // Both distances saturate past a long, so they are checked before the add that could wrap past one.
            if (distance <= 0)
            {
                return wrongSide(placement, isStopLoss, field);
            }
            if (!below && distance > PositionStops.maxStop(instrument) - reference)
            {
                refuse(placement, PositionStops.TOO_FAR, field);
                return Wire.INEXACT;
            }
            value = below ? reference - distance : reference + distance;
        }
        else
        {
            return OrderView.NONE;
        }
        if (reference != OrderView.NONE && (below ? value >= reference : value <= reference))
        {
            return wrongSide(placement, isStopLoss, field);
        }
        if (value <= 0)
        {
            refuse(placement, "the stop is at or below zero", field);
            return Wire.INEXACT;
        }
        // past a long the loss to it would be, from a limit price past what can be valued (e.g. in sizing a fan-out)
        if (PositionStops.tooFar(instrument, reference, value))
        {
            refuse(placement, PositionStops.TOO_FAR, field);
            return Wire.INEXACT;
        }
        return value;
    }

    private static long wrongSide(final OrderPlacement placement, final boolean isStopLoss, final String field)
    {
        refuse(placement, isStopLoss
            ? "stop_loss must be on the losing side of the entry price"
            : "take_profit must be on the winning side of the entry price", field);
        return Wire.INEXACT;
    }

    private static ResultCode refuse(final OrderPlacement placement, final String message, final String field)
    {
        placement.message = message;
        placement.field = field;
        return ResultCode.VALIDATION_ERROR;
    }
}
