package io.ordergate.benchmarks.jmh;

import java.nio.file.Path;
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

import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.journal.Journal;

/**
 * One order's round trip through a real {@link Pipeline} in process, with a real journal in a temp directory: the
 * benchmark thread plays the Netty event loop (claim, fill, publish) and then waits, spinning, until the reply stage
 * has seen that sequence. One order in flight at a time, so this is latency, not throughput.
 *
 * <pre>
 *   benchmark thread                     og-journal          og-engine           og-reply
 *   tryClaim/fill/publish(seq) ──ring──► append frame ─────► apply: fill ──────► completed = seq
 *        ▲                               (Chronicle Queue)   (paper venue)            │
 *        └──── spin (onSpinWait, then yield) until completed >= seq ◄────────────────────┘
 * </pre>
 *
 * The wait strategy is the pipeline's: {@code blocking} is the default (three hand-offs, each a
 * lock/condition wake-up, but Disruptor's BlockingWaitStrategy makes a stage that waits for the stage before it
 * busy-spin), {@code sleeping} spins, yields, then parks 100 ns at a time (stage to stage too), {@code yielding}
 * spins then yields. With 2 cores and 4 threads, read the numbers with care: the waiting
 * benchmark thread and the stages compete for the CPUs, so the waiter spins only 100 times before it yields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RingRoundTripBenchmark extends ForkedWithChronicleFlags
{
    private static final int SPINS_BEFORE_YIELD = 100;

    @Param({"blocking", "sleeping", "yielding"})
    public String waitStrategy;

    private Path directory;
    private Journal journal;
    private Pipeline pipeline;
    private final CompletionSignal replies = new CompletionSignal();
    private final CommandEvent buy = new CommandEvent();
    private final CommandEvent sell = new CommandEvent();
    private boolean nextIsBuy = true;

    @Setup(Level.Trial)
    public void setUp()
    {
        directory = TempDirectory.create("og-bench-ring");
        journal = Journal.open(directory);
        final GatewayConfig config = OrderCommands.config(null, waitStrategy);
        final Engine engine = OrderCommands.engineWithAccountAndQuote(config);
        OrderCommands.marketOrder(buy, Side.BUY, 10);
        OrderCommands.marketOrder(sell, Side.SELL, 11);
        pipeline = Pipeline.start(config.pipeline(), journal, engine, replies);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pipeline.close();
        journal.close();
        TempDirectory.delete(directory);
        if (replies.notFilled != 0 || replies.filled == 0)
        {
            throw new IllegalStateException("expected every order filled: " + replies.filled + " filled, " +
                replies.notFilled + " not (last result " + replies.lastUnexpected + ")");
        }
    }

    @Benchmark
    public long publishToReply()
    {
        final long sequence = pipeline.tryClaim();
        if (sequence == Pipeline.RING_FULL)
        {
            throw new IllegalStateException("ring full with one order in flight");
        }
        final CommandEvent prepared = nextIsBuy ? buy : sell;
        nextIsBuy = !nextIsBuy;
        final CommandEvent event = pipeline.event(sequence);
        event.reset(CommandType.NEW_ORDER);
        event.frame.putBytes(0, prepared.frame, 0, prepared.frameLength());
        event.ingressNanos = System.nanoTime();
        pipeline.publish(sequence);
        int spins = 0;
        while (replies.completed < sequence)
        {
            // Spin briefly, then give the CPU away: on 2 cores a waiter that only spins starves the three stages.
            if (++spins < SPINS_BEFORE_YIELD)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
        return sequence;
    }

    /** Stage 3 stand-in: checks each order was filled and publishes how far it got. Reply thread only. */
    static final class CompletionSignal implements ResultHandler
    {
        volatile long completed = -1;
        long filled;
        long notFilled;
        ResultCode lastUnexpected;

        @Override
        public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
        {
            if (event.result == ResultCode.CREATED && event.order.status == OrderStatus.FILLED)
            {
                filled++;
            }
            else
            {
                notFilled++;
                lastUnexpected = event.result;
            }
            completed = sequence;
        }
    }
}
