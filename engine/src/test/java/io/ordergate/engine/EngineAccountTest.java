package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/** The engine checks account definitions itself: a journal is input too, and leverage 0 would divide by zero. */
class EngineAccountTest
{
    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource({
        "'bad id!', USD, 100, 100, account_id",
        "acc-2, usd, 100, 100, currency",
        "acc-2, USDT, 100, 100, currency",
        "acc-2, USD, -1, 100, balance",
        "acc-2, USD, 0.001, 100, balance",
        "acc-2, USD, 100, 0, leverage",
        "acc-2, USD, 100, 1001, leverage"})
    void shouldRejectAnInvalidAccountAndChangeNothing(
        final String accountId, final String currency, final String balance, final int leverage, final String field)
    {
        final EngineDriver engine = EngineDriver.withPaperAccount();
        final long before = engine.digest();
        final CommandEvent event = expect(ResultCode.VALIDATION_ERROR, engine.createAccount(accountId, currency, balance, leverage));
        assertEquals(field, event.resultField);
        assertEquals(before, engine.digest());
    }
}
