package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An account valued again is sent to its subscribers only when it differs from the last one sent. A subscriber that
 * joins starts from its snapshot, not from what was sent before it came: the valuation after it is compared with nothing
 * older than its snapshot, else an account back at a value sent to an earlier subscriber is never sent to this one.
 */
class AccountRevaluedAfterResubscribeTest
{
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}";
    private static final String UNSUBSCRIBE = "{\"type\":\"unsubscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}";
    private static final String EQUITY_1000 = "{\"account_id\":\"paper-1\",\"equity\":\"1000.00\"}";
    private static final String EQUITY_990 = "{\"account_id\":\"paper-1\",\"equity\":\"990.00\"}";
    private static final long REFRESH_NANOS = 60_000_000_000L;

    private final StreamSocketRig rig = new StreamSocketRig();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        rig.close();
    }

    @Test
    void anAccountBackAtAnEarlierValueIsSentToASubscriberThatJoinedSince()
    {
        final long start = System.nanoTime();
        rig.send(SUBSCRIBE);
        rig.answerNextRead(EQUITY_1000);
        valuedAt(start, EQUITY_990);
        rig.send(UNSUBSCRIBE);
        rig.fanOutIdleAt(start);
        rig.send(SUBSCRIBE);
        rig.answerNextRead(EQUITY_1000);  // the price moved back meanwhile
        valuedAt(start + REFRESH_NANOS, EQUITY_990);  // and away again
        assertEquals(List.of("snapshot", "account", "unsubscribed", "snapshot", "account"), receive());
        assertTrue(seen.get(4).contains("990.00"), "the subscriber that joined is told its account moved: " + seen.get(4));
    }

    /** A quote moves the account, the fan-out asks for it valued again at {@code nanos}, and the engine answers {@code json}. */
    private void valuedAt(final long nanos, final String json)
    {
        rig.quote();
        rig.fanOutIdleAt(nanos);
        assertEquals(1, rig.readsHeld(), "the account is read again");
        rig.answerNextRead(json);
    }

    private List<String> receive()
    {
        seen.addAll(rig.received());
        return StreamSocketRig.types(seen);
    }
}
