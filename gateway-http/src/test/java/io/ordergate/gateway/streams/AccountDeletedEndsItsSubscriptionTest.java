package io.ordergate.gateway.streams;

import static io.ordergate.gateway.streams.StreamSocketRig.subscribeOrders;
import static io.ordergate.gateway.streams.StreamSocketRig.types;
import static io.ordergate.gateway.streams.StreamSocketRig.unsubscribeOrders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deleted account's subscriptions are ended on the fan-out thread, which hands each socket the end to do on its event
 * loop; the client may have unsubscribed and subscribed again in between. The end names the subscribe it ends (its
 * generation), so a subscription made again since is another and stays.
 */
class AccountDeletedEndsItsSubscriptionTest
{
    private static final String KEY = "orders:paper-1";

    private final StreamSocketRig rig = new StreamSocketRig();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        rig.close();
    }

    @Test
    void theDeletionEndsTheSubscriptionItFound()
    {
        rig.send(subscribeOrders("paper-1"));
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        rig.accountDeleted("paper-1");
        receive();
        rig.fanOutIdle();
        assertEquals(List.of("snapshot", "error:NOT_FOUND"), receive());
        assertTrue(seen.get(1).contains("\"account_id\":\"paper-1\""), "the ended subscription is named: " + seen.get(1));
        assertFalse(rig.socket.held().holds(KEY), "and let go of");
    }

    @Test
    void aSubscriptionMadeAgainBeforeTheDeletionsEndIsNotEnded()
    {
        rig.send(subscribeOrders("paper-1"));
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);
        rig.accountDeleted("paper-1");  // its end waits on the event loop behind the client's next two frames
        rig.send(unsubscribeOrders("paper-1"), subscribeOrders("paper-1"));
        rig.fanOutIdle();
        rig.answerNextRead(StreamSocketRig.NO_ORDERS);  // the account made again under its id: the new subscription's read succeeds
        assertEquals(List.of("snapshot", "unsubscribed", "snapshot"), receive());
        assertTrue(rig.socket.held().holds(KEY), "the subscription made again stays");
    }

    private List<String> receive()
    {
        seen.addAll(rig.received());
        return types(seen);
    }
}
