package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.change.ChangeJson;
import io.ordergate.engine.change.ChangeSet;
import io.ordergate.engine.change.PositionChange;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.view.JsonWriter;

/**
 * What a command changed, in its event's {@link ChangeSet}: orders as it left them (with the status before), fills,
 * positions opened, changed and closed, and accounts valued at that moment, the same as a read answers them.
 */
class EngineChangesTest
{
    @Test
    void aFilledMarketOrderChangesTheOrderAFillAnOpenedPositionAndTheAccount()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        assertFalse(expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10")).changes.account(0).valued,
            "accounts are not valued while nobody streams them");
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.10"));
        driver.engine.context().changes().valueAccounts(true);
        final ChangeSet set = expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10")).changes;
        assertTrue(set.account(0).valued);

        assertEquals(1, set.orderCount());
        assertEquals(OrderStatus.FILLED, set.order(0).status);
        assertNull(set.previousStatus(0), "the command made the order");
        assertEquals(1, set.tradeCount());
        assertEquals(set.order(0).orderId, set.trade(0).orderId);
        assertEquals(1, set.positionCount());
        final PositionChange position = set.position(0);
        assertTrue(position.opened && !position.closed && position.isLong, "opened long");
        assertEquals(10, position.quantity, "0.10 lot at 2 digits");
        assertEquals(1, set.accountCount());
        assertEquals(Json.output(driver.getAccount("paper-1")), render(json -> ChangeJson.account(set.account(0), json)),
            "the account as GET_ACCOUNT answers it right after");
    }

    @Test
    void aQuoteThatHitsAStopLossChangesTheClosingOrderTheFillTheClosedPositionAndTheAccount()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        expect(ResultCode.CREATED, driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08000").send());
        final long positionId = driver.positionId("paper-1", "EURUSD");

        final ChangeSet set = expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.07990", "1.07998")).changes;
        assertEquals(1, set.orderCount());
        assertEquals("stop_loss", set.order(0).origin);
        assertEquals(OrderStatus.FILLED, set.order(0).status);
        assertEquals(1, set.tradeCount());
        assertEquals(1, set.positionCount());
        assertTrue(set.position(0).closed, "closed");
        assertEquals(positionId, set.position(0).positionId, "the id it had");
        assertEquals(1, set.accountCount());
        assertEquals(0, set.account(0).openPositions);
    }

    @Test
    void aRestingLimitFilledByAQuoteAndACancelAreChangesOfOrdersMadeBefore()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        final long filledLater = expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.10", "1.08300")).order.orderId;
        final long cancelledLater = expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.10", "1.08000")).order.orderId;

        final ChangeSet fill = expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08290", "1.08298")).changes;
        assertEquals(1, fill.orderCount());
        assertEquals(filledLater, fill.order(0).orderId);
        assertEquals(OrderStatus.ACCEPTED, fill.previousStatus(0));
        assertEquals(OrderStatus.FILLED, fill.order(0).status);
        assertEquals(1, fill.account(0).openOrders, "one still rests: " + Json.output(driver.getAccount("paper-1")) + " " + Json.output(driver.listOrders("paper-1", 0, 10)));

        final ChangeSet cancel = expect(ResultCode.OK, driver.cancel(cancelledLater)).changes;
        assertEquals(1, cancel.orderCount());
        assertEquals(OrderStatus.CANCELLED, cancel.order(0).status);
        assertEquals(0, cancel.account(0).openOrders);
    }

    @Test
    void aRepeatedClientOrderIdARefusedCancelAndAReadChangeNothing()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        final CommandEvent first = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("c-1").send());
        assertFalse(first.changes.isEmpty());
        assertTrue(expect(ResultCode.DUPLICATE,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("c-1").send()).changes.isEmpty());
        assertTrue(expect(ResultCode.CONFLICT, driver.cancel(first.order.orderId)).changes.isEmpty(), "a filled order is not cancelled");
        assertTrue(expect(ResultCode.OK, driver.getOrder(first.order.orderId)).changes.isEmpty());
    }

    @Test
    void aStopChangeIsAPositionChangeAndAdminIsAnAccountChange()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        final ChangeSet modify = expect(ResultCode.OK, driver.modifyPosition(driver.positionId("paper-1", "EURUSD"), "1.08000", null)).changes;
        assertEquals(1, modify.positionCount());
        assertFalse(modify.position(0).opened);
        assertEquals(108000, modify.position(0).stopLoss);
        final ChangeSet pause = expect(ResultCode.OK, driver.pause("paper-1")).changes;
        assertEquals(1, pause.accountCount());
        assertEquals("paused", pause.account(0).status);
    }

    private static Map<String, Object> render(final java.util.function.Consumer<JsonWriter> write)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        write.accept(json);
        return Json.object(Json.text(buffer, 0, json.length()));
    }
}
