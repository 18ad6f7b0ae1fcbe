package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * A hedging account's resting order that fills while the shared pool of hedging positions
 * ({@code engine.max_hedge_positions}, here 1) is exhausted is booked on the instrument's slot; a close naming that
 * position reduces it, whether the pool is still full or free again, and never opens an opposite position.
 */
class EngineHedgePoolTest
{
    @Test
    void aPositionBookedWhileThePoolWasExhaustedIsClosedByItsId()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(
            EngineDriver.CONFIG.replace("max_keys: 16 }", "max_keys: 16, max_hedge_positions: 1 }"), "test"));
        expect(ResultCode.CREATED, driver.createAccount("hedge-1", "USD", "10000", 100, CommandBodies.POSITION_MODE_HEDGING));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        final CommandEvent first = expect(ResultCode.CREATED, driver.limit("hedge-1", Side.BUY, "EURUSD", "0.10", "1.08000"));
        final CommandEvent second = expect(ResultCode.CREATED, driver.limit("hedge-1", Side.BUY, "EURUSD", "0.10", "1.07900"));
        final long pooled = expect(ResultCode.CREATED, driver.market("hedge-1", Side.BUY, "EURUSD", "0.10")).order.positionId;

        driver.quote("EURUSD", "1.07890", "1.07898");
        final long slot = driver.getOrder(first.order.orderId).order.positionId;
        assertEquals(OrderStatus.FILLED, driver.getOrder(second.order.orderId).order.status);
        assertNotEquals(pooled, slot);
        assertEquals(2, positions(driver).size(), "the pooled position and the slot holding both fills");

        // the pool is full: the close still reduces the slot (both limits filled at the ask 1.07898, sold at the bid 1.07890)
        final CommandEvent partial = expect(ResultCode.OK, driver.closePosition(slot, "0.10"));
        assertEquals(OrderStatus.FILLED, partial.order.status);
        assertEquals(2, positions(driver).size());
        assertTrue(Json.matches(driver.position("hedge-1", "EURUSD#1").get("quantity"), "0.1"), positions(driver).toString());

        // the pool is free again: the close still reduces the slot, it does not open a short from the pool
        expect(ResultCode.OK, driver.closePosition(pooled));
        expect(ResultCode.OK, driver.closePosition(slot));
        assertEquals(List.of(), positions(driver), "every position is closed");
        final Map<String, Object> account = Json.output(expect(ResultCode.OK, driver.getAccount("hedge-1")));
        // pooled: (1.07890 - 1.08428) * 10000 = -53.80; slot: 2 x (1.07890 - 1.07898) * 10000 = -1.60
        assertTrue(Json.matches(account.get("balance"), "9944.6"), account.toString());
        driver.digest();  // and a snapshot carries it all
    }

    private static List<?> positions(final EngineDriver driver)
    {
        return (List<?>)Json.output(expect(ResultCode.OK, driver.listPositions("hedge-1"))).get("positions");
    }
}
