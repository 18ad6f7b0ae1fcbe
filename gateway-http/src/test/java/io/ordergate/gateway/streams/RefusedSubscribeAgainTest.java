package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.ResultCode;

/**
 * A subscribe again whose read the engine refuses (the account taken from the caller, or deleted, since the first)
 * leaves the client holding no subscription of that name: the fan-out's entry of the first goes with it, else it stays
 * until the socket closes, its account valued and read again through the ring for nobody.
 */
class RefusedSubscribeAgainTest
{
    private static final String SUBSCRIBE_ACCOUNT = "{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}";

    private final StreamSocketRig rig = new StreamSocketRig();

    @AfterEach
    void tearDown()
    {
        rig.close();
    }

    @Test
    void theFirstSubscriptionsEntryGoesWithTheRefusal()
    {
        rig.send(SUBSCRIBE_ACCOUNT);
        rig.answerNextRead("{\"account_id\":\"paper-1\"}");
        rig.send(SUBSCRIBE_ACCOUNT);
        rig.refuseNextRead(ResultCode.NOT_FOUND);
        assertEquals(List.of("snapshot", "error:NOT_FOUND"), StreamSocketRig.types(rig.received()));
        assertFalse(rig.socket.held().holds("account:paper-1"), "the client holds no subscription of that name");
        assertNull(rig.hub.subscriptions().ofAccount("paper-1"), "and the fan-out follows none");
        assertFalse(rig.hub.subscriptions().hasAccountChannel(), "so no account is valued for it");
    }
}
