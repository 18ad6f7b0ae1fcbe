package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The work the sockets hand the fan-out thread waits in one queue for all of them, and the per-socket limits do not
 * bound it: a quote subscribe or an unsubscribe is no reply a socket counts, and every socket has its own limit. So it
 * has a bound of its own, {@code streams.max_pending_requests}: the socket whose request finds it full gets an error
 * saying so (naming the subscription the request was about) and is closed with 1013 and counted, the work queued before
 * it is done, and once the fan-out has caught up requests are taken again.
 * The fan-out is driven by hand here ({@link StreamSocketRig#fanOutIdle}), so "behind" is exact.
 */
class FanOutRequestBoundTest
{
    private static final int BOUND = 16;
    private static final String STREAMS = "streams: { max_pending_requests: " + BOUND + ", messages_per_second: 1000 }\n";
    private static final byte[] ORDER = "{\"type\":\"order\",\"data\":{}}".getBytes(StandardCharsets.US_ASCII);

    private final List<StreamSocketRig> rigs = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        rigs.forEach(StreamSocketRig::close);
    }

    @Test
    void oneSocketsSubscribesAndUnsubscribesPastTheBoundCloseItWith1013()
    {
        final StreamSocketRig rig = rig(new StreamSocketRig(STREAMS));
        for (int i = 0; i < BOUND / 2; i++)
        {
            rig.send(StreamSocketRig.SUBSCRIBE_QUOTES, StreamSocketRig.UNSUBSCRIBE_QUOTES);  // each hands the fan-out one piece of work
        }
        assertEquals(List.of(), rig.received(), "the fan-out is behind: nothing answered yet, nothing refused");
        assertEquals(0, rig.hub.requestsRefused());

        rig.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        final List<String> received = rig.received();
        assertEquals(List.of("error:OVERLOADED", "close:1013"), StreamSocketRig.types(received), "one more than the bound: told, closed, try again later");
        assertTrue(received.get(0).contains("\"channel\":\"quotes\",\"symbol\":\"EURUSD\""), "the error names the subscription refused: " + received);
        assertEquals(1, rig.hub.requestsRefused(), "and counted");
    }

    @Test
    void aReplyPastTheBoundIsToldAsAnErrorBeforeThe1013()
    {
        final StreamSocketRig rig = rig(new StreamSocketRig(STREAMS));
        for (int i = 0; i < BOUND; i++)
        {
            rig.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        }
        rig.send(StreamSocketRig.PING);  // owed after the subscribes, so in turn on the fan-out: whose queue is full
        final List<String> received = rig.received();
        assertEquals(List.of("error:OVERLOADED", "close:1013"), StreamSocketRig.types(received));
        assertFalse(received.get(0).contains("\"channel\""), "a pong names no subscription: " + received);
    }

    @Test
    void aSocketTakingNoWritesIsStillToldWhyAheadOfWhatItHasNotReadThenClosed()
    {
        final StreamSocketRig rig = rig(new StreamSocketRig(STREAMS));
        rig.writable(false);  // its peer stopped reading: nothing in its outbox is written
        for (int i = 0; i < 3; i++)
        {
            rig.socket.push(ORDER);
        }
        for (int i = 0; i < BOUND; i++)
        {
            rig.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        }
        rig.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        final List<String> received = rig.received();
        assertEquals(List.of("error:OVERLOADED", "close:1013"), StreamSocketRig.types(received), "queued behind the 3 orders, the error would be lost");
        assertTrue(received.get(0).startsWith("{\"seq\":4,"), "after the 3 it never got: " + received.get(0));
    }

    @Test
    void manySocketsEachWithinItsOwnLimitsMeetTheSharedBound()
    {
        final StreamSocketRig first = rig(new StreamSocketRig(STREAMS));
        for (int i = 1; i < BOUND; i++)
        {
            rig(new StreamSocketRig(first));
        }
        for (final StreamSocketRig rig : rigs)
        {
            rig.send(StreamSocketRig.SUBSCRIBE_QUOTES);  // one piece of work each: far inside every per-socket limit
        }
        final StreamSocketRig oneTooMany = rig(new StreamSocketRig(first));
        oneTooMany.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        assertEquals(List.of("error:OVERLOADED", "close:1013"), StreamSocketRig.types(oneTooMany.received()),
            "the shared queue is full: this socket is told and closed");
        assertEquals(1, first.hub.requestsRefused());

        first.fanOutIdle();
        for (final StreamSocketRig rig : rigs.subList(0, BOUND))
        {
            assertEquals(List.of("snapshot"), StreamSocketRig.types(rig.received()), "the work queued before the bound is done");
        }
        final StreamSocketRig afterCatchingUp = rig(new StreamSocketRig(first));
        afterCatchingUp.send(StreamSocketRig.SUBSCRIBE_QUOTES);
        first.fanOutIdle();
        assertEquals(List.of("snapshot"), StreamSocketRig.types(afterCatchingUp.received()), "the fan-out caught up: taken again");
        assertEquals(1, first.hub.requestsRefused());
    }

    private StreamSocketRig rig(final StreamSocketRig rig)
    {
        rigs.add(rig);
        return rig;
    }
}
