package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.ResultCode;

/**
 * EXCHANGE_CREATE_EXPERT in the engine alone: the exchange account and the expert on it in one step. An expert the
 * engine refuses (a journal is input too: a drawdown of 150%) leaves no account, tells no account change and uses no
 * expert id; the same command made right then makes both; a replay gives the same state digest.
 */
class ExchangeExpertCreationEngineTest
{
    @Test
    void shouldMakeTheAccountAndItsExpertBothOrNeither()
    {
        final ExchangeDriver driver = new ExchangeDriver();

        final CommandEvent refused = createWithExpert(driver, "bn-x", ExchangeDriver.wire("150"));
        assertEquals(ResultCode.VALIDATION_ERROR, refused.result, refused.resultMessage);
        assertEquals("max_drawdown_pct", refused.resultField);
        assertNull(driver.engine.context().accounts().find("bn-x"), "the account made for the refused expert is taken back");
        assertEquals(0, refused.changes.accountCount(), "and nothing of it is told");

        final CommandEvent made = createWithExpert(driver, "bn-x", ExchangeDriver.wire("20"));
        assertEquals(ResultCode.CREATED, made.result, made.resultMessage);
        final Account account = driver.engine.context().accounts().find("bn-x");
        assertNotNull(account, "the id is free again");
        assertEquals("exp_1", driver.engine.experts().expertOn(account), "the refusal used no expert id");

        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }

    private static CommandEvent createWithExpert(final ExchangeDriver driver, final String accountId, final long maxDrawdownWire)
    {
        return driver.command(CommandType.EXCHANGE_CREATE_EXPERT, writer ->
        {
            ExchangeBodies.createAccount(writer, accountId, VenueKind.BINANCE.code(), "USD", 0, 1, false, "AbCd\u2026wXyZ", "sealed-key",
                "sealed-secret", null, ExchangeBodies.ANSWER_ACCOUNT, ExchangeBodies.MARKET_SPOT);
            writer.putString(accountId).putString("drill").putString("").putLong(0);
            ExpertBodies.encodeStrategy(writer, "BTCUSDT", ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_MAX_DRAWDOWN, 0, maxDrawdownWire, 0, 0,
                0, 0, 0);
        });
    }
}
