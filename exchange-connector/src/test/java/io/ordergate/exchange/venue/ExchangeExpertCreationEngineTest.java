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

    /**
     * A refused expert gives its account's slot back: refused as often as the account table has slots (engine.max_accounts
     * 8 here), the table still has room for the account asked for next. (A slot kept by each refusal filled the table for
     * good: every later account, of any venue, was refused "the account table is full".) A record journaled while the slot
     * stayed (its answer byte ANSWER_ACCOUNT) replays keeping it.
     */
    @Test
    void shouldGiveTheSlotOfATakenBackAccountBackToTheAccountTable()
    {
        final ExchangeDriver driver = new ExchangeDriver();
        final CommandEvent refusedBefore = createWithExpert(driver, "bn-x", ExchangeDriver.wire("150"), ExchangeBodies.ANSWER_ACCOUNT);
        assertEquals(ResultCode.VALIDATION_ERROR, refusedBefore.result, refusedBefore.resultMessage);
        assertEquals(1, driver.engine.context().accounts().count(), "journaled before: its slot stays removed, as it was decided");

        final int slots = driver.engine.context().accounts().capacity();
        for (int i = 0; i < slots; i++)
        {
            final CommandEvent refused = createWithExpert(driver, "bn-x", ExchangeDriver.wire("150"));
            assertEquals(ResultCode.VALIDATION_ERROR, refused.result, refused.resultMessage);
        }

        final CommandEvent made = createWithExpert(driver, "bn-x", ExchangeDriver.wire("20"));
        assertEquals(ResultCode.CREATED, made.result, made.resultMessage);
        assertEquals(2, driver.engine.context().accounts().count(), "the later refusals hold no slot");
        assertEquals(1, driver.engine.context().accounts().find("bn-x").index);

        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }

    private static CommandEvent createWithExpert(final ExchangeDriver driver, final String accountId, final long maxDrawdownWire)
    {
        return createWithExpert(driver, accountId, maxDrawdownWire, ExchangeBodies.ANSWER_EXPERT);
    }

    /** @param answer the account part's answer byte: ANSWER_EXPERT as the gateway writes it, ANSWER_ACCOUNT as it did before */
    private static CommandEvent createWithExpert(final ExchangeDriver driver, final String accountId, final long maxDrawdownWire, final int answer)
    {
        return driver.command(CommandType.EXCHANGE_CREATE_EXPERT, writer ->
        {
            ExchangeBodies.createAccount(writer, accountId, VenueKind.BINANCE.code(), "USD", 0, 1, false, "AbCd\u2026wXyZ", "sealed-key",
                "sealed-secret", null, answer, ExchangeBodies.MARKET_SPOT);
            writer.putString(accountId).putString("drill").putString("").putLong(0);
            ExpertBodies.encodeStrategy(writer, "BTCUSDT", ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_MAX_DRAWDOWN, 0, maxDrawdownWire, 0, 0,
                0, 0, 0);
        });
    }
}
