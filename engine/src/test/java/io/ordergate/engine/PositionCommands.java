package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static io.ordergate.engine.EngineDriver.wire;

import java.util.List;
import java.util.Map;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;

/** The position half of {@link EngineDriver}: closes, stop changes, and positions read back through queries. */
interface PositionCommands extends CommandSender
{
    default CommandEvent closePosition(final long positionId)
    {
        return closePosition(positionId, null);
    }

    default CommandEvent closePosition(final long positionId, final String quantity)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.closePosition(begin(event, CommandType.CLOSE_POSITION), positionId, quantity != null,
            quantity == null ? 0 : wire(quantity));
        finish(event);
        return apply(event);
    }

    /** A null stop leaves it as it is; "none" removes it. */
    default CommandEvent modifyPosition(final long positionId, final String stopLoss, final String takeProfit)
    {
        final int flags = (stopLoss != null ? CommandBodies.MODIFY_STOP_LOSS : 0) | (takeProfit != null ? CommandBodies.MODIFY_TAKE_PROFIT : 0);
        final CommandEvent event = new CommandEvent();
        CommandBodies.modifyPosition(begin(event, CommandType.MODIFY_POSITION), positionId, flags,
            level(stopLoss), level(takeProfit));
        finish(event);
        return apply(event);
    }

    default CommandEvent listPositions(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.LIST_POSITIONS), accountId);
        finish(event);
        return apply(event);
    }

    default CommandEvent listPositionSlice(final String accountId, final long cursor)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listPositionSlice(begin(event, CommandType.LIST_POSITIONS), accountId, cursor);
        finish(event);
        return apply(event);
    }

    /**
     * The open position of an account in a symbol, or null when flat. {@code "EURUSD#2"} names a hedging account's second
     * open position in the symbol, in opening order.
     */
    @SuppressWarnings("unchecked")
    default Map<String, Object> position(final String accountId, final String symbolAndOrdinal)
    {
        final int hash = symbolAndOrdinal.indexOf('#');
        final String symbol = hash < 0 ? symbolAndOrdinal : symbolAndOrdinal.substring(0, hash);
        int wanted = hash < 0 ? 1 : Integer.parseInt(symbolAndOrdinal.substring(hash + 1));
        final List<Object> positions = (List<Object>)Json.output(expect(ResultCode.OK, listPositions(accountId))).get("positions");
        for (final Object position : positions)
        {
            final Map<String, Object> map = (Map<String, Object>)position;
            if (symbol.equals(map.get("symbol")) && --wanted == 0)
            {
                return map;
            }
        }
        return null;
    }

    /** How many open positions the account has (in a symbol, or all for null). */
    @SuppressWarnings("unchecked")
    default int positionCount(final String accountId, final String symbol)
    {
        final List<Object> positions = (List<Object>)Json.output(expect(ResultCode.OK, listPositions(accountId))).get("positions");
        int count = 0;
        for (final Object position : positions)
        {
            if (symbol == null || symbol.equals(((Map<String, Object>)position).get("symbol")))
            {
                count++;
            }
        }
        return count;
    }

    default long positionId(final String accountId, final String symbol)
    {
        final Map<String, Object> position = position(accountId, symbol);
        if (position == null)
        {
            throw new AssertionError("no open position of " + accountId + " in " + symbol);
        }
        return Long.parseLong((String)position.get("position_id"));
    }

    private static long level(final String text)
    {
        return text == null || "none".equals(text) ? OrderView.NONE : wire(text);
    }
}
