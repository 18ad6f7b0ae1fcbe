package io.ordergate.gateway.streams;

import static io.ordergate.gateway.streams.StreamSocketRig.PING;
import static io.ordergate.gateway.streams.StreamSocketRig.SUBSCRIBE_QUOTES;
import static io.ordergate.gateway.streams.StreamSocketRig.UNSUBSCRIBE_QUOTES;
import static io.ordergate.gateway.streams.StreamSocketRig.subscribeOrders;
import static io.ordergate.gateway.streams.StreamSocketRig.types;
import static io.ordergate.gateway.streams.StreamSocketRig.unsubscribeOrders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replies to one socket's requests leave in the order the client sent the requests, though some are written by
 * the fan-out thread (a snapshot once its read has come round the ring, an unsubscribed once the subscription is out)
 * and others could be written at once by the event loop (a pong, an error). Each test holds a read on its way round
 * the ring while the client's later requests are handled, which is where an early reply used to overtake.
 */
class StreamRepliesInRequestOrderTest
{
    private StreamSocketRig rig = new StreamSocketRig();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        rig.close();
    }

    @Test
    void aPongWaitsForTheSnapshotOfAnEarlierSubscribe()
    {
        rig.send(subscribeOrders("paper-1"), PING);
        rig.fanOutIdle();
        receive();
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        assertEquals(List.of("snapshot", "pong"), receive());
    }

    @Test
    void errorsWaitForTheSnapshotOfAnEarlierSubscribe()
    {
        rig.send(subscribeOrders("paper-1"), "{not json", unsubscribeOrders("paper-2"));
        rig.fanOutIdle();
        receive();
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        assertEquals(List.of("snapshot", "error:INVALID_JSON", "error:NOT_FOUND"), receive());
    }

    @Test
    void aPongWaitsForTheUnsubscribedReplyOfAnEarlierUnsubscribe()
    {
        rig.send(SUBSCRIBE_QUOTES);
        rig.fanOutIdle();
        assertEquals(List.of("snapshot"), receive());
        rig.send(UNSUBSCRIBE_QUOTES, PING);
        receive();
        rig.fanOutIdle();
        assertEquals(List.of("snapshot", "unsubscribed", "pong"), receive());
    }

    @Test
    void repliesBetweenTwoSnapshotsLeaveBetweenThem()
    {
        rig.send(subscribeOrders("paper-1"), PING, subscribeOrders("paper-2"), "{not json");
        rig.fanOutIdle();
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        receive();
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        assertEquals(List.of("snapshot", "pong", "snapshot", "error:INVALID_JSON"), receive());
        assertTrue(seen.get(0).contains("\"paper-1\"") && seen.get(2).contains("\"paper-2\""), "each snapshot in its place: " + seen);
    }

    @Test
    void withNothingOwedAReplyIsWrittenAtOnce()
    {
        rig.send(subscribeOrders("paper-1"));
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        rig.send(PING);
        assertEquals(List.of("snapshot", "pong"), receive(), "no fan-out turn needed for the pong");
    }

    @Test
    void aClientWhoseRepliesPileUpUnansweredIsClosedAsTooSlow()
    {
        rig.close();
        rig = new StreamSocketRig("streams:\n  max_queued_messages: 16\n  messages_per_second: 1000\n");
        rig.send(subscribeOrders("paper-1"));
        final String[] pings = new String[16];
        java.util.Arrays.fill(pings, PING);
        rig.send(pings);
        assertEquals(List.of("error:SLOW_READER", "close:1008"), receive(),
            "the 16th ping finds 16 replies owed (the snapshot and 15 pongs): told why and closed, nothing else written");
    }

    /** The types of the messages the socket wrote since last asked, also kept in {@link #seen} (all, in order). */
    private List<String> receive()
    {
        seen.addAll(rig.received());
        return types(seen);
    }
}
