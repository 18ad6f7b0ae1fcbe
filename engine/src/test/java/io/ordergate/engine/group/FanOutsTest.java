package io.ordergate.engine.group;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.AsciiView;

class FanOutsTest
{
    private final FanOuts fanOuts = new FanOuts(4, 8);

    private static AsciiView ascii(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new AsciiView().wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private FanOut groupOrder(final String clientOrderId, final int members)
    {
        final FanOut fanOut = fanOuts.allocate();
        fanOut.kind = FanOut.KIND_GROUP_ORDER;
        fanOut.groupId = "g";
        fanOut.key(ascii(clientOrderId));
        for (int i = 0; i < members; i++)
        {
            fanOuts.addChild(fanOut).accountIndex = i;
        }
        return fanOut;
    }

    @Test
    void aFanOutWhoseChildrenAreOverwrittenIsForgottenThoughItsSlotIsStillThere()
    {
        final FanOut first = groupOrder("first", 5);
        assertSame(first, fanOuts.findByKey(FanOut.KIND_GROUP_ORDER, "g", ascii("first")));
        final FanOut second = groupOrder("second", 5);
        assertNull(fanOuts.get(first.id), "two of its five children are overwritten: it can no longer be shown");
        assertNull(fanOuts.findByKey(FanOut.KIND_GROUP_ORDER, "g", ascii("first")), "nor found as a duplicate");
        assertSame(second, fanOuts.get(second.id));
        assertNotNull(fanOuts.child(second, 4));
        assertSame(second, fanOuts.findByKey(FanOut.KIND_GROUP_ORDER, "g", ascii("second")));
    }
}
