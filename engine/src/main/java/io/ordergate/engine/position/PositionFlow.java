package io.ordergate.engine.position;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountStatus;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.OrderFlow;
import io.ordergate.engine.venue.Venue;
import io.ordergate.engine.venue.Venues;
import io.ordergate.engine.view.EngineJson;

/**
 * Closing and modifying positions, and an account's close-all. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class PositionFlow
{
    private final Accounts accounts;
    private final Instruments instruments;
    private final Principals principals;
    private final EngineJson json;
    private final Venues venues;
    private final PositionCloser closer;
    private final Changes changes;
    private final BodyReader reader = new BodyReader();

    public PositionFlow(final EngineContext context, final EngineJson json, final Venues venues, final PositionCloser closer)
    {
        this.accounts = context.accounts();
        this.instruments = context.instruments();
        this.principals = context.principals();
        this.changes = context.changes();
        this.json = json;
        this.venues = venues;
        this.closer = closer;
    }

    public void close(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final long positionId = reader.readLong();
        final boolean hasQuantity = reader.readBoolean();
        final long wireQuantity = reader.readLong();
        final Position position = find(positionId, event.principal());
        if (position == null)
        {
            if (venues.closePosition(positionId, hasQuantity, wireQuantity, event) == Venue.NOT_HELD)
            {
                event.reject(ResultCode.NOT_FOUND, "position not found", "position_id");
            }
            return;
        }
        if (!principals.requireTrade(event))
        {
            return;
        }
        final Account account = accounts.get(position.accountIndex);
        final Instrument instrument = instruments.get(position.instrumentIndex);
        final long held = Math.abs(position.quantity);
        long quantity = held;
        if (hasQuantity)
        {
            quantity = Wire.exact(wireQuantity, instrument.quantityDigits);
            if (quantity == Wire.INEXACT || quantity <= 0 || quantity % instrument.lotStep != 0)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "quantity must be a positive multiple of the instrument's lot_step", "quantity");
                return;
            }
            if (quantity > held)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "quantity is larger than the position", "quantity");
                return;
            }
        }
        final Order order = closer.close(account, instrument, position, quantity, PositionCloser.ORIGIN_CLOSE, event);
        if (order == null)
        {
            event.reject(ResultCode.RISK_MAX_OPEN_ORDERS, "the order table is full of open orders", null);
            return;
        }
        OrderFlow.answer(event, order, order.rejectCode != null ? order.rejectCode : ResultCode.OK);
    }

    public void modify(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final long positionId = reader.readLong();
        final int flags = reader.readInt();
        final long wireStopLoss = reader.readLong();
        final long wireTakeProfit = reader.readLong();
        final Position position = find(positionId, event.principal());
        if (position == null)
        {
            if (venues.modifyPosition(positionId, flags, wireStopLoss, wireTakeProfit, event) == Venue.NOT_HELD)
            {
                event.reject(ResultCode.NOT_FOUND, "position not found", "position_id");
            }
            return;
        }
        if (!principals.requireTrade(event))
        {
            return;
        }
        final Instrument instrument = instruments.get(position.instrumentIndex);
        final boolean setsStopLoss = (flags & CommandBodies.MODIFY_STOP_LOSS) != 0;
        final boolean setsTakeProfit = (flags & CommandBodies.MODIFY_TAKE_PROFIT) != 0;
        // Wire.INEXACT is OrderView.NONE (a removed or absent stop), so a rejection shows in the event, not the value.
        final long stopLoss = setsStopLoss ? level(event, instrument, position, wireStopLoss, true) : OrderView.NONE;
        if (event.result != null)
        {
            return;
        }
        final long takeProfit = setsTakeProfit ? level(event, instrument, position, wireTakeProfit, false) : OrderView.NONE;
        if (event.result != null)
        {
            return;
        }
        final Stops stops = position.stops;
        if (setsStopLoss && setsTakeProfit)
        {
            // Both given: one leg over the whole position replaces every per-order leg.
            changes.position(accounts.get(position.accountIndex), position);
            stops.setWhole(stopLoss, takeProfit, 0, 0);
        }
        else
        {
            // One given: absent means unchanged on every leg, so each leg keeps its own other stop (and its trailing,
            // unless the stop loss is the one given). The position's change is noted once the stops can change.
            if (!stops.setOnEveryLeg(setsStopLoss, stopLoss, setsTakeProfit, takeProfit, Math.abs(position.quantity)))
            {
                event.reject(ResultCode.CONFLICT, "the position has no free stop leg for the part no order's stops cover; give both stop_loss"
                    + " and take_profit to replace every leg", setsStopLoss ? "stop_loss" : "take_profit");
                return;
            }
            changes.position(accounts.get(position.accountIndex), position);
        }
        json.position(event, accounts.get(position.accountIndex), instrument, position);
        event.result = ResultCode.OK;
    }

    /**
     * Pauses the account, cancels its open orders and closes every position it has, at its venue.
     *
     * @return null, or the code the venue holding the positions rejected the event with (it could not send the close)
     */
    public ResultCode closeAll(final CommandEvent event, final Account account)
    {
        changes.account(account);
        account.status = AccountStatus.PAUSED;
        final Venue holder = venues.positionHolder(account);
        final ResultCode unsent = holder == null ? null : holder.closeAll(account, event);
        venues.of(account).cancelOpenOrders(account, event);
        for (int i = 0; i < instruments.count(); i++)
        {
            if (account.positions[i].isOpen())
            {
                closer.close(account, instruments.get(i), Math.abs(account.positions[i].quantity), PositionCloser.ORIGIN_CLOSE_ALL, event);
            }
        }
        Position hedge = account.firstHedge;
        while (hedge != null)
        {
            final Position next = hedge.nextHedge();
            closer.close(account, instruments.get(hedge.instrumentIndex), hedge, Math.abs(hedge.quantity), PositionCloser.ORIGIN_CLOSE_ALL, event);
            hedge = next;
        }
        return unsent;
    }

    /** An open position by id among the accounts the principal may see, or null. */
    public Position find(final long positionId, final int principal)
    {
        if (positionId <= 0)
        {
            return null;
        }
        for (int a = 0; a < accounts.count(); a++)
        {
            final Account account = accounts.get(a);
            for (final Position position : account.positions)
            {
                if (position.positionId == positionId)
                {
                    return principals.canAccess(principal, a) ? position : null;
                }
            }
            final Position hedge = HedgePositions.find(account, positionId);
            if (hedge != null)
            {
                return principals.canAccess(principal, a) ? hedge : null;
            }
        }
        return null;
    }

    private long level(final CommandEvent event, final Instrument instrument, final Position position, final long wireValue, final boolean isStopLoss)
    {
        final String field = isStopLoss ? "stop_loss" : "take_profit";
        if (wireValue == OrderView.NONE)
        {
            return OrderView.NONE;
        }
        final long value = Wire.exact(wireValue, instrument.priceDigits);
        if (value == Wire.INEXACT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "price has more decimal places than the instrument's digits", field);
            return Wire.INEXACT;
        }
        if (value <= 0)
        {
            event.reject(ResultCode.VALIDATION_ERROR, field + " must be greater than 0", field);
            return Wire.INEXACT;
        }
        if (PositionStops.tooFar(instrument, position.openPrice, value))
        {
            event.reject(ResultCode.VALIDATION_ERROR, PositionStops.TOO_FAR, field);  // as a new order's stop (OrderPrices)
            return Wire.INEXACT;
        }
        if (instrument.hasQuote())
        {
            final boolean isLong = position.quantity > 0;
            final long mark = isLong ? instrument.bid : instrument.ask;
            final boolean mustBeBelow = isLong == isStopLoss;
            if (mustBeBelow ? value >= mark : value <= mark)
            {
                event.reject(ResultCode.VALIDATION_ERROR, isStopLoss
                    ? "stop_loss must be on the losing side of the current price"
                    : "take_profit must be on the winning side of the current price", field);
                return Wire.INEXACT;
            }
        }
        return value;
    }
}
