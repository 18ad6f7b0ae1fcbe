package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.wire;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;

/** The quote half of {@link EngineDriver}: one quote at a time, and reading one back. */
interface QuoteCommands extends CommandSender
{
    default CommandEvent quote(final String symbol, final String bid, final String ask)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.QUOTES);
        CommandBodies.quotesHeader(body, 1);
        CommandBodies.quote(body, symbol, wire(bid), wire(ask));
        finish(event);
        return apply(event);
    }

    /** GET_CANDLES with the given flags ({@code CandleBodies.SEED_NAMES}, {@code CandleBodies.SHAPE_SEED_001}). */
    default CommandEvent getCandles(final String symbol, final io.ordergate.engine.candle.Timeframe timeframe, final int flags, final int count)
    {
        final CommandEvent event = new CommandEvent();
        io.ordergate.engine.command.CandleBodies.getCandles(begin(event, CommandType.GET_CANDLES), symbol, timeframe.ordinal(), flags, count);
        finish(event);
        return apply(event);
    }

    default CommandEvent getQuote(final String symbol)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.symbol(begin(event, CommandType.GET_QUOTE), symbol);
        finish(event);
        return apply(event);
    }
}
