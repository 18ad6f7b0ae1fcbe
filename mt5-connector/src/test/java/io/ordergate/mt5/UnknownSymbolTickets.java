package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;

/**
 * An MT5 account holding ticket 7001 in a symbol the gateway does not know (XAUUSD.r), and a bot b-1 over it whose
 * close-all closes that ticket: the start of the tests of a ticket with no instrument.
 */
final class UnknownSymbolTickets
{
    private UnknownSymbolTickets()
    {
    }

    static void ticketAndBot(final Mt5Driver driver)
    {
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        driver.tradeOpen("exe-1", 7001, "XAUUSD.r", "0.10", "2650.10");
        final CommandEvent bot = new CommandEvent();
        GroupBodies.createBot(driver.begin(bot, CommandType.CREATE_BOT), "b-1", "bot", "", List.of("mt5-1"), new byte[32], new byte[0]);
        assertEquals(ResultCode.CREATED, driver.finish(bot).result);
    }

    /** The bot's close-all alert with this id. */
    static CommandEvent closeAll(final Mt5Driver driver, final String alertId)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.WEBHOOK_SIGNAL);
        GroupBodies.signalHead(body, "b-1", GroupBodies.ACTION_CLOSE_ALL);
        GroupBodies.signal(body, "", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        GroupBodies.signalTail(body, alertId, 42L);
        return driver.finish(event);
    }

    /** The one child of the fan-out the event answered. */
    static Map<?, ?> child(final CommandEvent event)
    {
        final List<?> results = (List<?>)((Map<?, ?>)Mt5Driver.json(event).get("data")).get("results");
        assertEquals(1, results.size(), Mt5Driver.json(event).toString());
        return (Map<?, ?>)results.get(0);
    }
}
