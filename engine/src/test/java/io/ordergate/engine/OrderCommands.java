package io.ordergate.engine;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;

/** The order half of {@link EngineDriver}: new orders, cancels and order and trade reads. */
interface OrderCommands extends CommandSender
{
    default NewOrder order(final String accountId, final Side side, final OrderType type, final String symbol, final String quantity)
    {
        return new NewOrder(this, accountId, side, type, symbol, quantity);
    }

    default CommandEvent market(final String accountId, final Side side, final String symbol, final String quantity)
    {
        return order(accountId, side, OrderType.MARKET, symbol, quantity).send();
    }

    default CommandEvent limit(final String accountId, final Side side, final String symbol, final String quantity, final String price)
    {
        return order(accountId, side, OrderType.LIMIT, symbol, quantity).price(price).send();
    }

    default CommandEvent cancel(final long orderId)
    {
        return orderIdCommand(CommandType.CANCEL_ORDER, orderId);
    }

    default CommandEvent getOrder(final long orderId)
    {
        return orderIdCommand(CommandType.GET_ORDER, orderId);
    }

    default CommandEvent listOrders(final String accountId, final int statusFilter, final int limit)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listOrders(begin(event, CommandType.LIST_ORDERS), accountId, statusFilter, limit);
        finish(event);
        return apply(event);
    }

    /** One slice of a list read in slices, from {@code cursor} (0: the newest). */
    default CommandEvent listOrderSlice(final String accountId, final int statusFilter, final int limit, final long cursor)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listOrderSlice(begin(event, CommandType.LIST_ORDERS), accountId, statusFilter, limit, cursor);
        finish(event);
        return apply(event);
    }

    /** One slice of a trade list read in slices, from {@code cursor} (0: the newest). */
    default CommandEvent listTradeSlice(final String accountId, final int limit, final long cursor)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listTradeSlice(begin(event, CommandType.LIST_TRADES), accountId, limit, cursor);
        finish(event);
        return apply(event);
    }

    default CommandEvent listTrades(final String accountId, final int limit)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listTrades(begin(event, CommandType.LIST_TRADES), accountId, limit);
        finish(event);
        return apply(event);
    }

    private CommandEvent orderIdCommand(final CommandType type, final long orderId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.orderId(begin(event, type), orderId);
        finish(event);
        return apply(event);
    }
}
