package io.ordergate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.engine.pipeline.Replayer;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.journal.Journal;

/**
 * Invariant 2: replaying the journal into a fresh engine gives the same state and the same ids.
 *
 * <pre>
 *   seeded random commands ─► Journal (real Chronicle Queue, temp dir) ─► engine A
 *                              └──── Replayer.replay ───────────────────► engine B      digest(A) == digest(B)
 * </pre>
 */
class ReplayDeterminismTest
{
    private static final int COMMANDS = 5_000;
    private static final long SEED = 20261122L;
    private static final String[] SYMBOLS = {"EURUSD", "USDJPY", "XAUUSD", "BTCUSD"};
    private static final String[][] START = {{"1.08420", "1.08428"}, {"151.420", "151.436"}, {"2380.50", "2380.85"}, {"67250.00", "67265.00"}};
    private static final int[] DIGITS = {5, 3, 2, 2};
    private static final String[] QUANTITIES = {"0.01", "0.05", "0.10", "0.30", "1", "0.02"};
    private static final String[] BTC_QUANTITIES = {"0.001", "0.005", "0.010", "0.100"};

    @TempDir
    Path directory;

    private final GatewayConfig config = ConfigLoader.parse(EngineDriver.CONFIG, "replay");
    private final ResultHandler ignore = (event, sequence, endOfBatch) -> { };

    @Test
    void replayingTheJournalRebuildsTheSameStateAndTheSameNextIds()
    {
        try (Journal journal = Journal.open(directory))
        {
            final EngineDriver a = new EngineDriver(config).journalTo(journal.appender());
            final Stats stats = randomSession(a, new Random(SEED));
            assertTrue(stats.filled > 500 && stats.rejected > 20 && stats.resting > 50 && stats.stopsTriggered > 5,
                "the stream exercises fills, rejections, resting orders and stops: " + stats);

            final Engine b = new Engine(config);
            final Replayer.Result result = Replayer.replay(journal, b, ignore);
            assertEquals(stats.journaled, result.records());
            assertEquals(0, result.skipped());
            assertEquals(a.digest(), b.stateDigest());

            // The same next command gets the same ids in both.
            final CommandEvent onA = a.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.01").encode(new CommandEvent());
            final CommandEvent onB = copy(onA, new CommandEvent());
            a.engine.apply(onA);
            b.apply(onB);
            assertEquals(onA.result, onB.result);
            assertEquals(onA.order.orderId, onB.order.orderId);
            assertEquals(onA.order.venueOrderId, onB.order.venueOrderId);
            assertEquals(onA.order.positionId, onB.order.positionId);
            assertEquals(a.digest(), b.stateDigest());
        }
    }

    @Test
    void theDigestTellsAReplayThatMissedOneCommand()
    {
        try (Journal journal = Journal.open(directory))
        {
            final EngineDriver a = new EngineDriver(config).journalTo(journal.appender());
            final Stats stats = randomSession(a, new Random(SEED + 1));
            final long skip = stats.lastFilledOrderJournalIndex;
            assertTrue(skip >= 0);

            final Engine c = new Engine(config);
            final CommandEvent event = new CommandEvent();
            journal.replay((buffer, offset, length, index) ->
            {
                if (index == skip)
                {
                    return;
                }
                event.reset(CommandType.fromCode(buffer.getInt(offset + CommandFrame.TYPE_OFFSET)));
                event.frame.putBytes(0, buffer, offset, length);
                c.apply(event);
            });
            assertNotEquals(a.digest(), c.stateDigest(), "one filled market order fewer must show in the digest");
        }
    }

    @Test
    void theDigestCoversWhatAnOrderIsNotOnlyItsNumbers()
    {
        // Same id, quantity, price, status and times; only side and type differ, and both rest.
        final EngineDriver buyLimit = EngineDriver.withPaperAccount();
        final EngineDriver sellStop = EngineDriver.withPaperAccount();
        for (final EngineDriver driver : new EngineDriver[] {buyLimit, sellStop})
        {
            driver.quote("EURUSD", "1.08420", "1.08428");
        }
        assertEquals(buyLimit.digest(), sellStop.digest());
        assertEquals(OrderStatus.ACCEPTED, buyLimit.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.08000").send().order.status);
        assertEquals(OrderStatus.ACCEPTED, sellStop.order("paper-1", Side.SELL, OrderType.STOP, "EURUSD", "0.10").price("1.08000").send().order.status);
        assertNotEquals(buyLimit.digest(), sellStop.digest());
    }

    private static CommandEvent copy(final CommandEvent from, final CommandEvent to)
    {
        to.reset(from.type);
        to.frame.putBytes(0, from.frame, 0, from.frameLength());
        return to;
    }

    static final class Stats
    {
        long journaled;
        long filled;
        long rejected;
        long resting;
        long stopsTriggered;
        long lastFilledOrderJournalIndex = -1;

        @Override
        public String toString()
        {
            return "journaled=" + journaled + " filled=" + filled + " rejected=" + rejected + " resting=" + resting + " stops=" + stopsTriggered;
        }
    }

    /** A long mixed session: quotes random-walking, orders of every kind, cancels, closes, modifies, admin. */
    static Stats randomSession(final EngineDriver driver, final Random random)
    {
        final Stats stats = new Stats();
        final long[] mid = new long[SYMBOLS.length];
        final long[] spread = new long[SYMBOLS.length];
        for (int s = 0; s < SYMBOLS.length; s++)
        {
            final long bid = EngineDriver.wire(START[s][0]);
            spread[s] = EngineDriver.wire(START[s][1]) - bid;
            mid[s] = bid;
        }
        count(stats, driver.createAccount("paper-1", "USD", "100000", 100));
        count(stats, driver.createAccount("paper-2", "USD", "5000", 50));
        count(stats, driver.createAccount("jpy-1", "JPY", "10000000", 25));
        count(stats, driver.setRisk("paper-2", "max_position_quantity", "2"));
        final String[] accounts = {"paper-1", "paper-2", "jpy-1"};
        for (int s = 0; s < SYMBOLS.length; s++)
        {
            count(stats, driver.quote(SYMBOLS[s], START[s][0], START[s][1]));
        }
        long triggeredBefore = 0;
        while (stats.journaled < COMMANDS)
        {
            driver.advanceMicros(1 + random.nextInt(400_000));
            final int s = random.nextInt(SYMBOLS.length);
            final String account = accounts[random.nextInt(accounts.length)];
            final int roll = random.nextInt(100);
            if (roll < 35)
            {
                // random walk of up to +-0.1% per step, on the instrument's digits
                final long unit = pow10(8 - DIGITS[s]);
                final long step = Math.max(1, mid[s] / 1000 / unit) * unit;
                mid[s] = Math.max(unit * 10, mid[s] + (random.nextInt(3) - 1) * step * random.nextInt(3));
                count(stats, driver.quote(SYMBOLS[s], text(mid[s]), text(mid[s] + spread[s])));
            }
            else if (roll < 80)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final OrderType type = roll < 60 ? OrderType.MARKET : roll < 72 ? OrderType.LIMIT : OrderType.STOP;
                final String quantity = s == 3 ? BTC_QUANTITIES[random.nextInt(BTC_QUANTITIES.length)] : QUANTITIES[random.nextInt(QUANTITIES.length)];
                final NewOrder order = driver.order(account, side, type, SYMBOLS[s], quantity);
                if (type != OrderType.MARKET)
                {
                    final long unit = pow10(8 - DIGITS[s]);
                    final long offset = (random.nextInt(40) - 20) * unit * 5;
                    order.price(text(Math.max(unit, mid[s] + offset)));
                    if (random.nextInt(5) == 0)
                    {
                        order.timeInForce(TimeInForce.IOC);
                    }
                }
                if (random.nextInt(3) == 0)
                {
                    order.stopLossPips(String.valueOf(5 + random.nextInt(30))).takeProfitPips(String.valueOf(5 + random.nextInt(30)));
                }
                if (random.nextInt(4) == 0)
                {
                    order.clientOrderId("c" + random.nextInt(300));
                }
                final CommandEvent event = count(stats, order.send());
                if (event.order.status == OrderStatus.FILLED && event.result == ResultCode.CREATED && type == OrderType.MARKET)
                {
                    stats.lastFilledOrderJournalIndex = event.journalIndex;
                }
            }
            else if (roll < 88)
            {
                count(stats, driver.cancel(1 + random.nextInt((int)Math.max(1, driver.engine.context().orders().nextOrderId()))));
            }
            else if (roll < 94)
            {
                final long positionId = 1 + random.nextInt((int)driver.engine.context().ledger().nextPositionId());
                count(stats, random.nextBoolean() ? driver.closePosition(positionId) : driver.closePosition(positionId, "0.01"));
            }
            else if (roll < 97)
            {
                final long positionId = 1 + random.nextInt((int)driver.engine.context().ledger().nextPositionId());
                count(stats, driver.modifyPosition(positionId, random.nextBoolean() ? "none" : null, random.nextBoolean() ? "none" : null));
            }
            else if (roll < 98)
            {
                count(stats, driver.pause(account));
            }
            else
            {
                count(stats, driver.resume(account));
            }
            final long triggered = driver.engine.context().trades().count();
            stats.stopsTriggered += roll < 35 && triggered > triggeredBefore ? 1 : 0;
            triggeredBefore = triggered;
        }
        return stats;
    }

    private static CommandEvent count(final Stats stats, final CommandEvent event)
    {
        stats.journaled++;
        if (event.type == CommandType.NEW_ORDER && event.order.status != null)
        {
            stats.filled += event.order.status == OrderStatus.FILLED ? 1 : 0;
            stats.rejected += event.order.status == OrderStatus.REJECTED ? 1 : 0;
            stats.resting += event.order.status == OrderStatus.ACCEPTED ? 1 : 0;
        }
        return event;
    }

    private static long pow10(final int n)
    {
        return io.ordergate.fixed.FixedPoint.pow10(n);
    }

    private static String text(final long wire)
    {
        return io.ordergate.fixed.FixedPoint.toString(wire, 8);
    }
}
