package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.venue.FuturesSettings;

/**
 * Exchange accounts in the engine alone: made with credentials, removed when flat (CONFLICT before), made again under
 * the same id with a new namespace, futures settings recorded and sent; a replay of the journal into a fresh engine
 * gives the same state digest.
 */
class ExchangeAccountEngineTest
{
    @Test
    void shouldRemoveAFlatAccountOnlyAndReplayToTheSameState()
    {
        final ExchangeDriver driver = new ExchangeDriver();
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final CommandEvent buy = driver.order("bn-1", Side.BUY, "0.01");
        final String firstNamespace = ExchangeOutbox.read(buy).get(0).namespace();
        assertEquals(ResultCode.CONFLICT, delete(driver, "bn-1").result, "an order is open");
        driver.report("bn-1", buy.order.orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "7");
        final CommandEvent refused = delete(driver, "bn-1");
        assertEquals(ResultCode.CONFLICT, refused.result, "a position is open");
        assertTrue(refused.resultMessage.contains("1 open position"), refused.resultMessage);
        final CommandEvent sell = driver.order("bn-1", Side.SELL, "0.01");
        driver.report("bn-1", sell.order.orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.00", "8");
        assertEquals(ResultCode.OK, delete(driver, "bn-1").result);
        assertNull(driver.engine.context().accounts().find("bn-1"));
        assertEquals(ResultCode.NOT_FOUND, delete(driver, "bn-1").result);

        driver.now += 1_000_000;
        assertEquals(ResultCode.CREATED, driver.exchangeAccount("bn-1").result, "the id is free again");
        final CommandEvent again = driver.order("bn-1", Side.BUY, "0.01");
        assertNotEquals(firstNamespace, ExchangeOutbox.read(again).get(0).namespace(), "a new account: new client order ids");
        final CommandEvent settings = driver.command(CommandType.EXCHANGE_FUTURES_SETTINGS, w -> ExchangeBodies.futuresSettings(w, "bn-1", "BTCUSDT",
            10, FuturesSettings.MARGIN_ISOLATED, FuturesSettings.POSITION_HEDGE));
        assertEquals(ResultCode.OK, settings.result);
        final List<ExchangeOutbox.Record> sent = ExchangeOutbox.read(settings);
        assertEquals(new ExchangeOutbox.SettingsRecord(10, FuturesSettings.MARGIN_ISOLATED, FuturesSettings.POSITION_HEDGE), sent.get(0).settings());

        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
        assertEquals(2, replayed.engine.context().accounts().count(), "the removed account keeps its slot");
    }

    private static CommandEvent delete(final ExchangeDriver driver, final String accountId)
    {
        return driver.command(CommandType.DELETE_ACCOUNT, w -> CommandBodies.accountId(w, accountId));
    }
}
