package io.ordergate.gateway.performance;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.ordergate.benchmarks.jmh.ForkedWithChronicleFlags;
import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * A performance read of one account with a long record ({@code fills} fills, a round trip every two): what the
 * record costs the heap per fill (printed once by the setup, from the heap used after a full GC before and after
 * filling), and how long a read holds the reply thread ({@code replyThread}) and takes in all ({@code wholeRead}).
 * The reply thread is the one every order's answer is written on: whatever a performance read does there, every
 * answer behind it waits for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerformanceReadBenchmark extends ForkedWithChronicleFlags
{
    private static final long START_MICROS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1_000L;
    private static final long STEP_MICROS = 100_000L;

    @Param({"1000000"})
    public int fills;

    private FillStore store;
    private JsonNode data;

    @Setup
    public void fill() throws Exception
    {
        final long before = usedAfterGc();
        store = new FillStore(65_536);
        final AccountChange deposit = new AccountChange();
        deposit.accountId = "acc-1";
        deposit.balance = 10_000_000L;
        deposit.timeMicros = START_MICROS;
        store.account(deposit);
        final TradeChange trade = new TradeChange();
        trade.accountId = "acc-1";
        trade.symbol = "EURUSD";
        trade.quantityDigits = 2;
        trade.quantity = 100;
        for (int i = 0; i < fills; i++)
        {
            trade.tradeId = i + 1;
            trade.orderId = i + 1;
            trade.positionId = i / 2 + 1;
            trade.side = i % 2 == 0 ? Side.BUY : Side.SELL;
            trade.realizedPnl = i % 2 == 0 ? 0 : (i % 6 == 1 ? -700 : 1_300);
            trade.fee = 25;
            trade.timeMicros = START_MICROS + STEP_MICROS * (i + 1);
            store.fill(trade);
        }
        final long after = usedAfterGc();
        System.out.printf("%n%d fills held in %,d bytes of heap: %.1f bytes a fill%n", fills, after - before, (after - before) / (double)fills);
        data = new ObjectMapper().readTree("{\"id\":\"acc-1\",\"accounts\":[{\"account_id\":\"acc-1\",\"balance\":\"100000.00\","
            + "\"unrealized_pnl\":\"0.00\",\"position_mode\":\"netting\",\"venue\":\"paper\"}]}");
    }

    private static long usedAfterGc() throws InterruptedException
    {
        final Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++)
        {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** What the reply thread does for one read: the account's record taken. */
    @Benchmark
    public Object replyThread()
    {
        return Map.of("acc-1", store.record("acc-1"));
    }

    /** The whole read, wherever it runs. */
    @Benchmark
    public Object wholeRead()
    {
        return new PerformanceLedger(null, null, Instant.now()).read(data, Map.of("acc-1", store.record("acc-1")));
    }
}
