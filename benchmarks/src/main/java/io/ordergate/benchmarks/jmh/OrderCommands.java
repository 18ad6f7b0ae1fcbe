package io.ordergate.benchmarks.jmh;

import java.util.concurrent.ThreadLocalRandom;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The commands the benchmarks feed the engine, built the way the gateway builds them (header, then body on a
 * {@link BodyWriter}), and the one configuration they run on. Used in {@code @Setup} only, so it may allocate.
 * <b>Not thread safe</b>: each benchmark state makes its own events.
 */
final class OrderCommands
{
    static final String ACCOUNT = "paper-1";
    static final String SYMBOL = "EURUSD";
    /** Wire decimals have 8 fractional digits: 0.01 lot. */
    static final long MIN_LOT_WIRE = 1_000_000L;
    /**
     * Bid = ask = 1.08424. With a spread, every buy/sell pair loses it (USD 0.08 per pair at 0.01 lot), and at
     * millions of orders per second the account runs out of margin within seconds and the benchmark would measure
     * INSUFFICIENT_MARGIN rejections instead of fills. A zero spread keeps the account in a steady state.
     */
    static final long BID_WIRE = 108_424_000L;
    static final long ASK_WIRE = 108_424_000L;
    /** 2026-11-22T10:00:00Z: the engine reads time only from the command. */
    static final long WALL_MICROS = 1_795_341_600_000_000L;

    private OrderCommands()
    {
    }

    /** One FX instrument, default engine tables, and the pipeline settings given (ring size, wait strategy). */
    static GatewayConfig config(final Integer ringSize, final String waitStrategy)
    {
        return config(ringSize, waitStrategy, null);
    }

    /** The same, with {@code engine.candles_per_timeframe} set (0: the engine builds no candles); null: the default. */
    static GatewayConfig config(final Integer ringSize, final String waitStrategy, final Integer candlesPerTimeframe)
    {
        final StringBuilder yaml = new StringBuilder()
            .append("instruments:\n")
            .append("  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n")
            .append("      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }\n")
            .append("  - { symbol: GBPUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n")
            .append("      min_quantity: 0.01, max_quantity: 100, base_currency: GBP, quote_currency: USD }\n");
        if (ringSize != null || waitStrategy != null)
        {
            yaml.append("pipeline:\n");
            if (ringSize != null)
            {
                yaml.append("  ring_size: ").append(ringSize).append('\n');
            }
            if (waitStrategy != null)
            {
                yaml.append("  wait_strategy: ").append(waitStrategy).append('\n');
            }
        }
        if (candlesPerTimeframe != null)
        {
            yaml.append("engine:\n  candles_per_timeframe: ").append(candlesPerTimeframe).append('\n');
        }
        return ConfigLoader.parse(yaml.toString(), "benchmark");
    }

    /** An engine with {@link #ACCOUNT} (paper, USD 100,000, 1:100) and a zero-spread quote on {@link #SYMBOL}. */
    static Engine engineWithAccountAndQuote(final GatewayConfig config)
    {
        final Engine engine = new Engine(config);
        final CommandEvent event = new CommandEvent();
        createAccount(event);
        engine.apply(event);
        expect(event, ResultCode.CREATED, "create account");
        quote(event);
        engine.apply(event);
        expect(event, ResultCode.ACCEPTED, "quote");
        return engine;
    }

    static void createAccount(final CommandEvent event)
    {
        event.reset(CommandType.CREATE_ACCOUNT);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, WALL_MICROS, 1, CommandFrame.SOURCE_SYSTEM);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.createAccount(writer, ACCOUNT, CommandBodies.VENUE_PAPER, "USD", 100_000L * 100_000_000L, 100);
        event.bodyLength(writer.length());
    }

    static void quote(final CommandEvent event)
    {
        quote(event, BID_WIRE, ASK_WIRE, 2);
    }

    /** One quote of {@link #SYMBOL} from the feed (prices at wire digits). */
    static void quote(final CommandEvent event, final long bidWire, final long askWire, final long correlationId)
    {
        event.reset(CommandType.QUOTES);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, WALL_MICROS, correlationId, CommandFrame.SOURCE_FEED);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.quotesHeader(writer, 1);
        CommandBodies.quote(writer, SYMBOL, bidWire, askWire);
        event.bodyLength(writer.length());
    }

    /** A gtc limit order of the minimum lot on {@link #ACCOUNT}/{@link #SYMBOL} at {@code priceWire}. */
    static void limitOrder(final CommandEvent event, final Side side, final long priceWire, final long correlationId)
    {
        event.reset(CommandType.NEW_ORDER);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, WALL_MICROS, correlationId, CommandFrame.SOURCE_HTTP);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        NewOrderBody.encode(writer, ACCOUNT, SYMBOL, side, OrderType.LIMIT, null, NewOrderBody.HAS_PRICE,
            MIN_LOT_WIRE, priceWire, 0, 0, 0, 0, "");
        event.bodyLength(writer.length());
    }

    /** A market order of the minimum lot with a stop loss and a take profit (prices at wire digits). */
    static void protectedMarketOrder(final CommandEvent event, final Side side, final long stopLossWire, final long takeProfitWire,
        final long correlationId)
    {
        event.reset(CommandType.NEW_ORDER);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, WALL_MICROS, correlationId, CommandFrame.SOURCE_HTTP);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        NewOrderBody.encode(writer, ACCOUNT, SYMBOL, side, OrderType.MARKET, null, NewOrderBody.HAS_STOP_LOSS | NewOrderBody.HAS_TAKE_PROFIT,
            MIN_LOT_WIRE, 0, stopLossWire, takeProfitWire, 0, 0, "");
        event.bodyLength(writer.length());
    }

    /** A market order of the minimum lot on {@link #ACCOUNT}/{@link #SYMBOL}, as an admin (system) principal. */
    static void marketOrder(final CommandEvent event, final Side side, final long correlationId)
    {
        event.reset(CommandType.NEW_ORDER);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, WALL_MICROS, correlationId, CommandFrame.SOURCE_HTTP);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        NewOrderBody.encode(writer, ACCOUNT, SYMBOL, side, OrderType.MARKET, null, 0,
            MIN_LOT_WIRE, 0, 0, 0, 0, 0, "");
        event.bodyLength(writer.length());
    }

    /** Fails the benchmark's set-up if the engine did not do what the benchmark claims to measure. */
    static void expect(final CommandEvent event, final ResultCode expected, final String what)
    {
        if (event.result != expected)
        {
            throw new IllegalStateException(what + ": expected " + expected + " but was " + event.result +
                (event.resultMessage == null ? "" : " (" + event.resultMessage + ")"));
        }
    }

    /** Fails unless the event's order was filled. */
    static void expectFilled(final CommandEvent event, final String what)
    {
        expect(event, ResultCode.CREATED, what);
        if (event.order.status != OrderStatus.FILLED)
        {
            throw new IllegalStateException(what + ": expected a filled order but its status was " + event.order.status);
        }
    }

    /** A random payload for journal appends, the size of a typical new-order frame. */
    static byte[] randomBytes(final int length)
    {
        final byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
