package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * The request id of the cluster form's forwarded sync-balance is not the engine's: an EXCHANGE_SYNC_REQUEST and the
 * sync EXCHANGE_BALANCES that echoes its id (after a figures byte of 0, or after a futures read's figures) apply
 * exactly as the same commands without it, as journaled before request ids (same answer, same state digest), and each
 * journal replays to the state it made.
 */
class ExchangeSyncRequestIdEngineTest
{
    private static final long REQUEST_ID = 0x5eed_1234_5678_9a01L;  // its first byte (little-endian) is 1: read as a figures flag, it would be wrong

    @Test
    void shouldApplyASyncWithARequestIdAsTheSameSyncWithout()
    {
        final ExchangeDriver without = new ExchangeDriver();
        final ExchangeDriver with = new ExchangeDriver();
        final String[] answers = new String[4];
        for (final ExchangeDriver driver : new ExchangeDriver[] {without, with})
        {
            final boolean named = driver == with;
            driver.exchangeAccount("bn-1");
            driver.quote("65000.00", "65001.00");
            final CommandEvent request = driver.command(CommandType.EXCHANGE_SYNC_REQUEST, w ->
            {
                w.putString("bn-1");
                if (named)
                {
                    w.putLong(REQUEST_ID);
                }
            });
            assertEquals(ResultCode.OK, request.result, request.resultMessage);
            answers[named ? 1 : 0] = answer(driver.command(CommandType.EXCHANGE_BALANCES, w -> spotSync(w, named)));
            answers[named ? 3 : 2] = answer(driver.command(CommandType.EXCHANGE_BALANCES, w -> futuresSync(w, named)));
        }
        assertEquals(answers[0], answers[1], "a spot read's answer");
        assertEquals(answers[2], answers[3], "a futures read's answer");
        assertEquals(without.engine.stateDigest(), with.engine.stateDigest());

        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : with.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(with.engine.stateDigest(), replayed.engine.stateDigest());
    }

    private static void spotSync(final BodyWriter writer, final boolean named)
    {
        ExchangeBodies.balancesHeader(writer, "bn-1", 2);
        ExchangeBodies.balance(writer, "BTC", ExchangeDriver.wire("0.5"), 0);
        ExchangeBodies.balance(writer, "USDT", ExchangeDriver.wire("1000"), ExchangeDriver.wire("10"));
        ExchangeBodies.balancesKind(writer, ExchangeBodies.BALANCES_SYNC);
        if (named)
        {
            ExchangeBodies.syncRequestId(writer, false, REQUEST_ID);
        }
    }

    private static void futuresSync(final BodyWriter writer, final boolean named)
    {
        ExchangeBodies.balancesHeader(writer, "bn-1", 1);
        ExchangeBodies.balance(writer, "USDT", ExchangeDriver.wire("500"), 0);
        ExchangeBodies.balancesKind(writer, ExchangeBodies.BALANCES_SYNC);
        ExchangeBodies.balanceFigures(writer, new long[][] {{ExchangeDriver.wire("-3"), ExchangeDriver.wire("497")}});
        if (named)
        {
            ExchangeBodies.syncRequestId(writer, true, REQUEST_ID);
        }
    }

    private static String answer(final CommandEvent event)
    {
        assertEquals(ResultCode.OK, event.result, event.resultMessage);
        final byte[] body = new byte[event.outputLength];
        event.output.getBytes(0, body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
