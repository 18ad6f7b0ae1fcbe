package io.ordergate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.view.CommandLines;

/**
 * The readable line of a command (the logs' message, the journal dump's line), written without a string per value:
 * decimals trimmed as before, ids byte by byte when ASCII and decoded as UTF-8 when not, and an account named by many
 * commands answered as one string.
 */
class CommandLinesTest
{
    private final EngineDriver driver = EngineDriver.withPaperAccount();
    private final CommandLines lines = new CommandLines();

    @Test
    void shouldWriteAnOrderWithItsDecimalsTrimmedAndItsIdsAsSent()
    {
        driver.quote("EURUSD", "1.08420", "1.08428");
        final CommandEvent limit = driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.08000")
            .clientOrderId("ордер-7").send();
        assertEquals("NEW_ORDER buy 0.1 EURUSD limit at 1.08 on paper-1 (client order id ордер-7)", what(limit));
        final CommandEvent market = driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "2").send();
        assertEquals("NEW_ORDER sell 2 EURUSD market on paper-1", what(market));
    }

    @Test
    void shouldAnswerOneStringForTheAccountOfEveryCommand()
    {
        driver.quote("EURUSD", "1.08420", "1.08428");
        final String first = lines.account(driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.1").send());
        final String second = lines.account(driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "0.1").send());
        assertEquals("paper-1", first);
        assertSame(first, second, "the account's string is kept, not made again per command");
        final String other = lines.account(driver.order("paper-2", Side.BUY, OrderType.MARKET, "EURUSD", "0.1").send());
        assertEquals("paper-2", other, "another account is another string, even one the engine does not know");
    }

    private String what(final CommandEvent event)
    {
        final StringBuilder out = new StringBuilder();
        lines.what(event, out);
        return out.toString();
    }
}
