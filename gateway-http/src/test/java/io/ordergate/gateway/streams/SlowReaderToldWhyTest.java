package io.ordergate.gateway.streams;

import static io.ordergate.gateway.streams.StreamSocketRig.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A reader past {@code streams.max_queued_messages} is told why before its 1008, though its channel takes no more
 * writes (its peer stopped reading): the error jumps the messages it has not read (they are never written; their seqs
 * are the gap before the error's), as one small frame before the close frame, so nothing grows without bound.
 */
class SlowReaderToldWhyTest
{
    private static final byte[] ORDER = "{\"type\":\"order\",\"data\":{}}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aReaderPastItsBoundGetsTheErrorAheadOfWhatItHasNotReadThenTheClose()
    {
        try (StreamSocketRig rig = new StreamSocketRig("streams:\n  max_queued_messages: 16\n"))
        {
            rig.writable(false);
            for (int i = 0; i < 17; i++)
            {
                rig.socket.push(ORDER);
            }
            final List<String> received = rig.received();
            assertEquals(List.of("error:SLOW_READER", "close:1008"), types(received), received::toString);
            assertTrue(received.get(0).startsWith("{\"seq\":17,"), "after the 16 it never got: " + received.get(0));
        }
    }
}
