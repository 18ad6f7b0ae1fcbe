package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.EngineSnapshot;

/**
 * The index by which displaced open orders are found is not in a snapshot (it is derived from their list): an engine
 * restored from one still finds them, cancels them and displaces more, as the engine that wrote it does.
 */
class DisplacedOrdersSnapshotTest
{
    @Test
    void anEngineRestoredFromASnapshotFindsItsDisplacedOpenOrders()
    {
        final EngineDriver original = EngineDriver.withQuotedPaperAccount();
        for (int i = 0; i < 45; i++)
        {
            expect(ResultCode.CREATED, original.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.0"));  // resting: ids 1..45
        }
        while (original.market("paper-1", Side.BUY, "EURUSD", "0.01").order.orderId < 1064)
        {
            original.market("paper-1", Side.SELL, "EURUSD", "0.01");  // 1,024 slots: ids 1..40 displaced by 1025..1064
        }
        assertEquals(40, original.engine.context().orders().overflowCount());

        final EngineDriver restored = new EngineDriver(original.config);
        EngineSnapshot.read(restored.engine, new ByteArrayInputStream(SnapshotCoverageTest.snapshot(original.engine)));
        restored.at(original.now());
        for (final EngineDriver driver : new EngineDriver[] {original, restored})
        {
            final CommandEvent cancel = expect(ResultCode.OK, driver.cancel(7));
            assertEquals(OrderStatus.CANCELLED, cancel.order.status, "displaced order 7");
            for (int i = 0; i < 4; i++)
            {
                driver.market("paper-1", Side.BUY, "EURUSD", "0.01");  // 1065..1068 displace 41..44
            }
            assertEquals(OrderStatus.CANCELLED, expect(ResultCode.OK, driver.getOrder(7)).order.status);
            assertEquals(OrderStatus.ACCEPTED, expect(ResultCode.OK, driver.getOrder(44)).order.status, "displaced after the restore");
            expect(ResultCode.OK, driver.cancel(1));
        }
        assertEquals(original.engine.stateDigest(), restored.engine.stateDigest());
    }
}
