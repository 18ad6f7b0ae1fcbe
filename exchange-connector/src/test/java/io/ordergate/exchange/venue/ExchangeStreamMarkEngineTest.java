package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A full balance read journaled by another path than the connector's own reports (sync-balance's route, an expert's
 * account, the cluster leader's read for a member) may land in the ring after a stream update it does not hold. The
 * stream marks journaled with both let the engine keep that update: the read does not put the older amounts back. A
 * read that holds the update, or one of another stream session (nothing tells which is older), applies as it is; and
 * the journal replays to the same state.
 */
class ExchangeStreamMarkEngineTest
{
    private static final long SESSION = 0x51_7e4d_0001L;
    private static final long OTHER_SESSION = 0x51_7e4d_0002L;

    @Test
    void shouldKeepAStreamUpdateOverAnOlderReadThatLandsAfterIt()
    {
        final ExchangeDriver expected = account();
        streamed(expected, SESSION, 1, "0.4");
        final String holdingTheUpdate = answer(sync(expected, SESSION, 1, "0.4"));

        final ExchangeDriver driver = account();
        streamed(driver, SESSION, 1, "0.4");  // a fill's update: 0.5 BTC -> 0.4 BTC, applied first
        final CommandEvent older = sync(driver, SESSION, 0, "0.5");  // the read the exchange served before the fill
        assertEquals(holdingTheUpdate, answer(older), "the read older than the stream's update keeps the update's 0.4 BTC");

        assertNotEquals(holdingTheUpdate, answer(sync(driver, SESSION, 1, "0.5")), "a read that holds the update applies as it is");
        streamed(driver, SESSION, 2, "0.4");
        assertNotEquals(holdingTheUpdate, answer(sync(driver, OTHER_SESSION, 0, "0.5")), "a read of another stream session applies as it is");

        streamed(driver, SESSION, 3, "0.4");
        final CommandEvent forwarded = driver.command(CommandType.EXCHANGE_BALANCES, w ->
        {
            // a futures-shaped read forwarded for a member (figures, then a request id, then the mark): the mark is still read
            ExchangeBodies.balancesHeader(w, "bn-1", 2);
            ExchangeBodies.balance(w, "BTC", ExchangeDriver.wire("0.5"), 0);
            ExchangeBodies.balance(w, "USDT", ExchangeDriver.wire("1000"), 0);
            ExchangeBodies.balancesKind(w, ExchangeBodies.BALANCES_SYNC);
            ExchangeBodies.balanceFigures(w, new long[][] {{0, ExchangeDriver.wire("0.5")}, {0, ExchangeDriver.wire("1000")}});
            ExchangeBodies.streamMark(w, ExchangeBodies.BALANCES_SYNC, true, 0x0101_0101_0101_0101L, SESSION, 2);
        });
        assertEquals(holdingTheUpdate, answer(forwarded), "a forwarded read older than the update keeps it too");

        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }

    private static ExchangeDriver account()
    {
        final ExchangeDriver driver = new ExchangeDriver();
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        return driver;
    }

    /** The stream's update {@code update} of {@code session}: BTC's free amount now. */
    private static void streamed(final ExchangeDriver driver, final long session, final long update, final String btc)
    {
        final CommandEvent event = driver.command(CommandType.EXCHANGE_BALANCES, w ->
        {
            ExchangeBodies.balancesHeader(w, "bn-1", 1);
            ExchangeBodies.balance(w, "BTC", ExchangeDriver.wire(btc), 0);
            ExchangeBodies.balancesKind(w, ExchangeBodies.BALANCES_DELTA);
            ExchangeBodies.streamMark(w, ExchangeBodies.BALANCES_DELTA, false, ExchangeBodies.NO_SYNC_REQUEST, session, update);
        });
        assertEquals(ResultCode.OK, event.result, event.resultMessage);
    }

    /** A sync-balance read holding the stream's updates up to {@code mark} of {@code session}. */
    private static CommandEvent sync(final ExchangeDriver driver, final long session, final long mark, final String btc)
    {
        return driver.command(CommandType.EXCHANGE_BALANCES, w ->
        {
            ExchangeBodies.balancesHeader(w, "bn-1", 2);
            ExchangeBodies.balance(w, "BTC", ExchangeDriver.wire(btc), 0);
            ExchangeBodies.balance(w, "USDT", ExchangeDriver.wire("1000"), 0);
            ExchangeBodies.balancesKind(w, ExchangeBodies.BALANCES_SYNC);
            ExchangeBodies.streamMark(w, ExchangeBodies.BALANCES_SYNC, false, ExchangeBodies.NO_SYNC_REQUEST, session, mark);
        });
    }

    private static String answer(final CommandEvent event)
    {
        assertEquals(ResultCode.OK, event.result, event.resultMessage);
        final byte[] body = new byte[event.outputLength];
        event.output.getBytes(0, body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
