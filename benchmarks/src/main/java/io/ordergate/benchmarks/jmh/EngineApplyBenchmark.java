package io.ordergate.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The engine alone, on the calling thread: one NEW_ORDER market order of the minimum lot applied to a fill on the
 * paper venue per operation, buys and sells alternating so the net position stays between 0 and one lot.
 * No ring, no journal, no JSON: what the og-engine thread does per order.
 *
 * <pre>
 *   prepared frames            +------------------- Engine.apply -------------------+
 *   [BUY  EURUSD 0.01] --+     | decode body -> account/instrument lookup -> risk    |
 *   [SELL EURUSD 0.01] --+---> |   -> paper venue fill at ask/bid -> net position    | --> event.result = CREATED,
 *        (alternating)         |   -> OrderView copy into the event                  |     event.order FILLED
 *                              +-----------------------------------------------------+
 * </pre>
 *
 * Target (issue 4): at least 2,000,000 orders/s on one thread and 0 B/op under {@code -prof gc}.
 * The quote (zero spread, so the account's balance stays put) is set once in set-up; set-up and tear-down fail if
 * an order is not filled, so a rejection path is never measured.
 */
@State(Scope.Thread)
public class EngineApplyBenchmark extends ForkedWithChronicleFlags
{
    private Engine engine;
    private final CommandEvent buy = new CommandEvent();
    private final CommandEvent sell = new CommandEvent();
    private boolean nextIsBuy;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = OrderCommands.engineWithAccountAndQuote(OrderCommands.config(null, null));
        OrderCommands.marketOrder(buy, Side.BUY, 10);
        OrderCommands.marketOrder(sell, Side.SELL, 11);
        engine.apply(buy);
        OrderCommands.expectFilled(buy, "first buy");
        engine.apply(sell);
        OrderCommands.expectFilled(sell, "first sell");
        nextIsBuy = true;
    }

    @TearDown(Level.Trial)
    public void checkStillFilling()
    {
        // Runs after the measurement: a benchmark that drifted into rejections (a table full, a limit hit) fails.
        OrderCommands.expectFilled(buy, "last buy");
        OrderCommands.expectFilled(sell, "last sell");
    }

    /** Orders per second through {@link Engine#apply}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ResultCode newOrderToFillThroughput()
    {
        return applyNext();
    }

    /** The same operation as average nanoseconds per order. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ResultCode newOrderToFillAverageTime()
    {
        return applyNext();
    }

    private ResultCode applyNext()
    {
        final CommandEvent event = nextIsBuy ? buy : sell;
        nextIsBuy = !nextIsBuy;
        engine.apply(event);
        return event.result;
    }
}
