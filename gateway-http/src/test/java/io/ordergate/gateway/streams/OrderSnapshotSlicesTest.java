package io.ordergate.gateway.streams;

import static io.ordergate.gateway.streams.StreamSocketRig.PING;
import static io.ordergate.gateway.streams.StreamSocketRig.subscribeOrders;
import static io.ordergate.gateway.streams.StreamSocketRig.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * An orders snapshot is read in slices: each read the hub publishes carries a cursor (so the engine answers it with a
 * bounded slice, EngineOrderSliceTest: at most 32 orders written, 2,048 looked at), the next goes on from the last
 * one's {@code next}, and the snapshot is sent once, whole and in order, when the engine says the list ended.
 */
class OrderSnapshotSlicesTest
{
    private final StreamSocketRig rig = new StreamSocketRig();

    @AfterEach
    void tearDown()
    {
        rig.close();
    }

    @Test
    void theSnapshotIsGatheredFromBoundedSlicesEachGoingOnWhereTheLastEnded()
    {
        rig.send(subscribeOrders("paper-1"), PING);
        assertEquals(List.of(1000L, 0L), slice(), "the first slice: up to 1000 wanted, from the newest");
        rig.answerNextRead("{\"orders\":[{\"order_id\":\"90\"},{\"order_id\":\"70\"}],\"next\":64,\"written\":2}");
        assertEquals(List.of(), rig.received(), "no snapshot before the list ends, nor the pong after it");
        assertEquals(List.of(998L, 64L), slice(), "the next slice goes on below the ids looked at");
        rig.answerNextRead("{\"orders\":[],\"next\":12,\"written\":0}");
        assertEquals(List.of(998L, 12L), slice());
        rig.answerNextRead("{\"orders\":[{\"order_id\":\"5\"}],\"next\":0,\"written\":1}");
        final List<String> messages = rig.received();
        assertEquals(List.of("snapshot", "pong"), types(messages));
        assertTrue(messages.get(0).contains("\"data\":{\"orders\":[{\"order_id\":\"90\"},{\"order_id\":\"70\"},{\"order_id\":\"5\"}]}"),
            "every slice's orders, in order, untruncated: " + messages.get(0));
        assertEquals(0, rig.readsHeld(), "nothing more read");
    }

    @Test
    void onceAThousandAreGatheredSlicesOfOneTellWhetherAnyIsLeftOut()
    {
        rig.send(subscribeOrders("paper-1"));
        final StringBuilder orders = new StringBuilder();
        for (int i = 0; i < 1000; i++)
        {
            orders.append(i == 0 ? "" : ",").append("{\"order_id\":\"").append(2000 - i).append("\"}");
        }
        rig.answerNextRead("{\"orders\":[" + orders + "],\"next\":1000,\"written\":1000}");
        assertEquals(List.of(1L, 1000L), slice(), "only whether one more is open");
        rig.answerNextRead("{\"orders\":[],\"next\":400,\"written\":0}");
        assertEquals(List.of(1L, 400L), slice());
        rig.answerNextRead("{\"orders\":[{\"order_id\":\"7\"}],\"next\":6,\"written\":1}");
        final List<String> messages = rig.received();
        assertEquals(List.of("snapshot"), types(messages));
        assertTrue(messages.get(0).endsWith("{\"order_id\":\"1001\"}],\"truncated\":true}}"), "the 1000, and that more rest");
        assertEquals(0, rig.readsHeld(), "nothing more read once one is found left out");
    }

    @Test
    void aSliceRefusedRefusesTheSubscription()
    {
        rig.send(subscribeOrders("paper-1"));
        rig.answerNextRead("{\"orders\":[],\"next\":64,\"written\":0}");
        rig.refuseNextRead(ResultCode.NOT_FOUND);  // the account taken from the caller between the slices
        assertEquals(List.of("error:NOT_FOUND"), types(rig.received()));
        assertEquals(0, rig.readsHeld());
    }

    @Test
    void anAccountDeletedWhileItsSnapshotIsReadRefusesIt()
    {
        rig.send(subscribeOrders("paper-1"));
        rig.answerNextRead("{\"orders\":[],\"next\":64,\"written\":0}");
        rig.accountDeleted("paper-1");
        rig.answerNextRead("{\"orders\":[],\"next\":0,\"written\":0}");  // an account made again under the id: not this one
        assertEquals(List.of("error:NOT_FOUND"), types(rig.received()));
    }

    /** The oldest held read's limit and cursor, after checking it is an orders slice of the open orders. */
    private List<Long> slice()
    {
        assertEquals(CommandType.LIST_ORDERS, rig.nextReadType());
        final BodyReader body = rig.nextReadBody();
        final String accountId = body.readString(new io.ordergate.engine.command.AsciiView()).toString();
        assertEquals("paper-1", accountId);
        assertEquals(CommandBodies.STATUS_OPEN, body.readInt());
        final long limit = body.readInt();
        return List.of(limit, body.readLong());
    }
}
