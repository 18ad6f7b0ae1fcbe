package io.ordergate.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The engine alone, on the calling thread: one QUOTES command of one EURUSD quote per operation, over an account
 * holding an open position (so the quote is checked against its stops) and one resting limit order (so the paper
 * venue looks at its book). Each quote is 100 ms after the one before, so a new minute candle opens every 600
 * quotes. What the og-engine thread does per quote from the feed. {@code candlesPerTimeframe} 0 builds no candles:
 * the engine as it was before them, so one run gives the candles' cost as a ratio.
 *
 * <pre>
 *   prepared frame                      +-------------- Engine.apply --------------+
 *   [QUOTES EURUSD bid ask] --time+100ms--> | validate -> instrument bid/ask -> candles  |
 *        (two prices, alternating)      |   -> paper book (no fill) -> stops (none hit) | --> event.result = ACCEPTED
 *                                       +------------------------------------------+
 * </pre>
 */
@State(Scope.Thread)
public class QuoteApplyBenchmark extends ForkedWithChronicleFlags
{
    private static final long STEP_MICROS = 100_000L;

    /** engine.candles_per_timeframe: the default 1000, or 0 (no candles, the quote path before issue 12). */
    @Param({"1000", "0"})
    public int candlesPerTimeframe;

    private Engine engine;
    private final CommandEvent low = new CommandEvent();
    private final CommandEvent high = new CommandEvent();
    private long nowMicros = OrderCommands.WALL_MICROS;
    private boolean nextIsLow;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = OrderCommands.engineWithAccountAndQuote(OrderCommands.config(null, null, candlesPerTimeframe));
        final CommandEvent order = new CommandEvent();
        OrderCommands.protectedMarketOrder(order, Side.BUY, 100_000_000L, 120_000_000L, 3);  // stops at 1.0 and 1.2
        engine.apply(order);
        OrderCommands.expectFilled(order, "the position");
        OrderCommands.limitOrder(order, Side.BUY, 100_000_000L, 4);  // 1.0: never reached
        engine.apply(order);
        OrderCommands.expect(order, ResultCode.CREATED, "the resting limit");
        OrderCommands.quote(low, OrderCommands.BID_WIRE, OrderCommands.BID_WIRE + 8_000L, 5);
        OrderCommands.quote(high, OrderCommands.BID_WIRE + 10_000L, OrderCommands.BID_WIRE + 18_000L, 6);
        nextIsLow = true;
        applyNext();
        OrderCommands.expect(low, ResultCode.ACCEPTED, "first quote");
    }

    @TearDown(Level.Trial)
    public void checkStillAccepted()
    {
        OrderCommands.expect(low, ResultCode.ACCEPTED, "last low quote");
        OrderCommands.expect(high, ResultCode.ACCEPTED, "last high quote");
    }

    /** Quotes per second through {@link Engine#apply}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ResultCode quoteThroughput()
    {
        return applyNext();
    }

    /** The same operation as average nanoseconds per quote. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ResultCode quoteAverageTime()
    {
        return applyNext();
    }

    private ResultCode applyNext()
    {
        final CommandEvent event = nextIsLow ? low : high;
        nextIsLow = !nextIsLow;
        nowMicros += STEP_MICROS;
        event.frame.putLong(CommandFrame.WALL_MICROS_OFFSET, nowMicros);
        engine.apply(event);
        return event.result;
    }
}
