package io.ordergate.engine.expert;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.OrderEntry;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.order.OrderPlacement;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.TowardZero;

/**
 * EXPERT_ORDER: an order placed through an expert, on its account, down the one single-order path. The strategy's
 * stops are applied where the order names none (stop loss, take profit, trailing stop, each separately); an order
 * without a quantity is sized by the strategy's {@code size_type}:
 * <ul>
 *   <li>{@code fixed}: {@code size_value} lots;</li>
 *   <li>{@code risk_based}: the quantity whose loss at the stop loss is {@code size_value}% of the account's equity
 *       (needs a stop, the order's or the strategy's: else {@link ResultCode#STOP_LOSS_REQUIRED});</li>
 *   <li>{@code percent_equity}: {@code size_value}% of equity as margin at the strategy's leverage.</li>
 * </ul>
 * The size is rounded down to the lot step and capped at max_quantity; below min_quantity the order is refused
 * {@link ResultCode#SIZE_BELOW_MINIMUM}. An expert that is not running (never started, stopped, or stopped by its
 * drawdown, which is checked first) accepts only orders that reduce a position ({@link ResultCode#EXPERT_STOPPED}).
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class ExpertOrders
{
    private final ExpertRoom room;
    private final EngineContext context;
    private final OrderEntry orders;
    private final ExpertJson json;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final NewOrderBody body = new NewOrderBody();
    private final OrderPlacement placement = new OrderPlacement();

    ExpertOrders(final ExpertRoom room, final EngineContext context, final OrderEntry orders, final ExpertJson json)
    {
        this.room = room;
        this.context = context;
        this.orders = orders;
        this.json = json;
    }

    void place(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Expert expert = room.find(event, reader.readString(text));
        if (expert == null || !context.principals().requireTrade(event))
        {
            return;
        }
        body.decode(reader);
        final long now = event.wallMicros();
        final boolean running = room.checkDrawdown(expert, now);
        placement.reset();
        placement.copyTerms(body);
        placement.clientOrderId = body.clientOrderId;
        placement.account = expert.account;
        placement.instrument = body.symbol.isEmpty() ? expert.symbol : context.instruments().find(body.symbol);
        placement.nowMicros = now;
        placement.origin = "expert";
        placement.pausedBy = running ? null : ResultCode.EXPERT_STOPPED;
        if (body.symbol.isEmpty() && expert.symbol == null)
        {
            refuse(event, expert, ResultCode.VALIDATION_ERROR, "symbol is required: the expert's strategy names none", "symbol");
            return;
        }
        applyDefaultStops(expert);
        if (placement.quantity == 0 && placement.instrument != null)
        {
            final ResultCode sized = size(expert, placement.instrument);
            if (sized != null)
            {
                refuse(event, expert, sized, placement.message, placement.field);
                return;
            }
        }
        final ResultCode code = orders.place(placement, event);
        if (placement.order == null)
        {
            refuse(event, expert, code, placement.message, placement.field);
            return;
        }
        expert.log.add(code.isOrderRejection() ? ExpertLog.ORDER_REJECTED : ExpertLog.ORDER_PLACED, now, placement.order.orderId,
            code.ordinal());
        OrderFlow.answer(event, placement.order, code);
        if (code == ResultCode.CONFLICT)
        {
            event.resultMessage = placement.message;
            event.resultField = placement.field;
        }
    }

    private void refuse(final CommandEvent event, final Expert expert, final ResultCode code, final String message, final String field)
    {
        expert.log.add(ExpertLog.ORDER_REFUSED, event.wallMicros(), 0, code.ordinal());
        event.reject(code, message, field);
    }

    /** The strategy's stops where the order gives none of that kind (a price, pips or a percent). */
    private void applyDefaultStops(final Expert expert)
    {
        if (expert.stopLossPct > 0
            && !placement.has(NewOrderBody.HAS_STOP_LOSS | NewOrderBody.HAS_STOP_LOSS_PIPS | NewOrderBody.HAS_STOP_LOSS_PCT))
        {
            placement.flags |= NewOrderBody.HAS_STOP_LOSS_PCT;
            placement.stopLossPct = expert.stopLossPct;
        }
        if (expert.takeProfitPct > 0
            && !placement.has(NewOrderBody.HAS_TAKE_PROFIT | NewOrderBody.HAS_TAKE_PROFIT_PIPS | NewOrderBody.HAS_TAKE_PROFIT_PCT))
        {
            placement.flags |= NewOrderBody.HAS_TAKE_PROFIT_PCT;
            placement.takeProfitPct = expert.takeProfitPct;
        }
        if (expert.trailingStopPct > 0 && !placement.has(NewOrderBody.HAS_TRAILING_STOP_PCT | NewOrderBody.HAS_TRAILING_STOP_PIPS))
        {
            placement.flags |= NewOrderBody.HAS_TRAILING_STOP_PCT;
            placement.trailingStopPct = expert.trailingStopPct;
        }
    }

    /** Sets the placement's quantity (wire digits) by the strategy; null when sized, else the refusal's code. */
    private ResultCode size(final Expert expert, final Instrument instrument)
    {
        if (expert.sizeValue <= 0)
        {
            placement.message = "quantity is required: the expert's strategy has no size_value";
            placement.field = "quantity";
            return ResultCode.VALIDATION_ERROR;
        }
        final Account account = expert.account;
        long raw = expert.sizeValue;
        if (expert.sizeType != ExpertBodies.SIZE_FIXED)
        {
            final ResultCode invalid = orders.validatePrices(placement);
            if (invalid != null)
            {
                return invalid;
            }
            final long entry = placement.checkedReference;
            if (entry == OrderView.NONE)
            {
                placement.message = "no quote to size the order at";
                placement.field = "symbol";
                return ResultCode.NO_PRICE;
            }
            final long equity = Math.max(0, context.values().equity(account));
            final long oneLot = FixedPoint.pow10(instrument.quantityDigits);
            // money per lot is measured on Valuation.sizingLots lots: one lot of a cheap instrument is worth a few cents
            if (expert.sizeType == ExpertBodies.SIZE_RISK_BASED)
            {
                final long stop = placement.checkedStopLoss;
                final int sign = placement.side == Side.BUY ? 1 : -1;
                long pnl = stop == OrderView.NONE ? 0 : Valuation.pnl(account, instrument, sign, oneLot, entry, stop);
                final long lots = stop == OrderView.NONE ? 1 : Valuation.sizingLots(pnl);
                if (lots > 1)
                {
                    pnl = Valuation.pnl(account, instrument, sign, oneLot * lots, entry, stop);
                }
                if (pnl == Valuation.NO_CONVERSION || pnl >= 0)
                {
                    placement.message = "risk_based sizing needs a stop loss, the order's or the strategy's stop_loss_pct";
                    placement.field = "stop_loss";
                    return ResultCode.STOP_LOSS_REQUIRED;
                }
                // the money at risk and the size both toward zero: either rounded half-even could round the size up across a
                // lot step, over the risk (1.5% of 1006.40 is 15.096, not 15.10)
                final long riskMoney = TowardZero.mulDivSaturated(equity, expert.sizeValue, ExpertRoom.HUNDRED_PERCENT);
                raw = TowardZero.mulDivSaturated(riskMoney, ExpertRoom.WIRE_ONE * lots, -pnl);
            }
            else
            {
                long lotNotional = Valuation.notional(account, instrument, oneLot, entry);
                final long lots = expert.leverage <= Long.MAX_VALUE / Valuation.FINE_LOTS ? Valuation.sizingLots(lotNotional) : 1;
                if (lots > 1)
                {
                    lotNotional = Valuation.notional(account, instrument, oneLot * lots, entry);
                }
                if (lotNotional == Valuation.NO_CONVERSION || lotNotional <= 0)
                {
                    placement.message = "the account's currency cannot value this symbol";
                    placement.field = "symbol";
                    return ResultCode.NO_PRICE;
                }
                // toward zero, as the risk above: a margin rounded up a cent can size one lot step over size_value% of equity
                final long margin = TowardZero.mulDivSaturated(equity, expert.sizeValue, ExpertRoom.HUNDRED_PERCENT);
                // margin (money) × leverage (wire) ÷ one lot's notional (money) = lots at wire digits
                raw = TowardZero.mulDivSaturated(margin, expert.leverage * lots, lotNotional);
            }
        }
        final long unit = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS - instrument.quantityDigits);
        long units = Math.max(raw, 0) / unit;
        units -= units % instrument.lotStep;
        if (units > instrument.maxQuantity)
        {
            units = instrument.maxQuantity - instrument.maxQuantity % instrument.lotStep;
        }
        if (units < instrument.minQuantity || units <= 0)
        {
            placement.message = "the quantity sized by the strategy rounds down below the instrument's min_quantity";
            placement.field = "size_value";
            return ResultCode.SIZE_BELOW_MINIMUM;
        }
        placement.quantity = units * unit;
        return null;
    }
}
