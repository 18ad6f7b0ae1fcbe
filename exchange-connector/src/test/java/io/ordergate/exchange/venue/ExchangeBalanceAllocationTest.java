package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * The engine thread applies an exchange account's balance reports of assets it already holds without allocating: the
 * stream's update that comes with every fill, and a full read older than the stream's last update (the read keeps the
 * stream's amount of the asset it changed, which is what made a sorted map per read before). Frames are encoded
 * before measuring; only {@code apply} is measured.
 */
class ExchangeBalanceAllocationTest
{
    private static final int CYCLES = 2000;
    private static final long SESSION = 0x5eed;

    @Test
    void shouldApplyStreamUpdatesAndFullReadsOfKnownAssetsWithoutAllocatingOnceWarm()
    {
        final ExchangeDriver driver = new ExchangeDriver();
        assertEquals(ResultCode.CREATED, driver.exchangeAccount("bn-1").result);
        cycles(driver, 1, CYCLES, null);  // warm: the account's assets, the report's arrays, the JIT

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocated = cycles(driver, 1 + CYCLES, CYCLES, threads);
        System.out.println("exchange balance reports: " + allocated + " bytes allocated on the engine path for " + CYCLES * 2 + " reports");
        // Under one byte per report: a map, an entry, a string or an array made per report would be at least 16 bytes each.
        assertTrue(allocated < CYCLES * 2, allocated + " bytes for " + CYCLES * 2 + " reports");
        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest(), "the reports replay to the same balances");
    }

    /** Per cycle: the stream's update {@code n} (BTC), then a full read holding updates up to {@code n - 1} only (older). */
    private static long cycles(final ExchangeDriver driver, final long firstUpdate, final int count, final com.sun.management.ThreadMXBean threads)
    {
        final CommandEvent[] events = new CommandEvent[count * 2];
        for (int i = 0; i < count; i++)
        {
            final long update = firstUpdate + i;
            final String btc = (i & 1) == 0 ? "0.4" : "0.6";
            events[i * 2] = driver.prepare(d -> d.command(CommandType.EXCHANGE_BALANCES, w ->
            {
                ExchangeBodies.balancesHeader(w, "bn-1", 1);
                ExchangeBodies.balance(w, "BTC", ExchangeDriver.wire(btc), 0);
                ExchangeBodies.balancesKind(w, ExchangeBodies.BALANCES_DELTA);
                ExchangeBodies.streamMark(w, ExchangeBodies.BALANCES_DELTA, false, ExchangeBodies.NO_SYNC_REQUEST, SESSION, update);
            }));
            events[i * 2 + 1] = driver.prepare(d -> d.command(CommandType.EXCHANGE_BALANCES, w ->
            {
                ExchangeBodies.balancesHeader(w, "bn-1", 2);
                ExchangeBodies.balance(w, "BTC", ExchangeDriver.wire("0.5"), 0);
                ExchangeBodies.balance(w, "USDT", ExchangeDriver.wire("1000"), ExchangeDriver.wire("5"));
                ExchangeBodies.balancesKind(w, ExchangeBodies.BALANCES_COMPLETE);
                ExchangeBodies.streamMark(w, ExchangeBodies.BALANCES_COMPLETE, false, ExchangeBodies.NO_SYNC_REQUEST, SESSION, update - 1);
            }));
        }
        final long before = threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
        for (final CommandEvent event : events)
        {
            driver.engine.apply(event);
        }
        final long allocated = threads == null ? 0 : threads.getCurrentThreadAllocatedBytes() - before;
        for (final CommandEvent event : events)
        {
            assertEquals(ResultCode.OK, event.result, event.resultMessage);
        }
        return allocated;
    }
}
