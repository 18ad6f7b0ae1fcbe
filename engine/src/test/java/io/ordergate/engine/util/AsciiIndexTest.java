package io.ordergate.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.AsciiView;

class AsciiIndexTest
{
    private static AsciiView view(final String text)
    {
        final byte[] bytes = ("xx" + text).getBytes(StandardCharsets.US_ASCII);
        return new AsciiView().wrap(new UnsafeBuffer(bytes), 2, bytes.length - 2);
    }

    @Test
    void findsEveryKeyByBytesAndByStringUpToCapacity()
    {
        final AsciiIndex index = new AsciiIndex(100);
        for (int i = 0; i < 100; i++)
        {
            index.put(("acct-" + i).getBytes(StandardCharsets.US_ASCII), i);
        }
        assertEquals(100, index.size());
        for (int i = 0; i < 100; i++)
        {
            assertEquals(i, index.get(view("acct-" + i)));
            assertEquals(i, index.get("acct-" + i));
        }
        assertEquals(AsciiIndex.MISSING, index.get(view("acct-100")));
        assertEquals(AsciiIndex.MISSING, index.get(view("")));
        assertEquals(AsciiIndex.MISSING, index.get("acct-1 "));
    }

    @Test
    void aSmallIndexStillHoldsItsCapacityAndRefusesBeyondHalfItsTable()
    {
        final AsciiIndex index = new AsciiIndex(1);
        index.put(new byte[] {'a'}, 0);
        assertEquals(0, index.get("a"));
        final AsciiIndex three = new AsciiIndex(3);
        for (int i = 0; i < 3; i++)
        {
            three.put(new byte[] {(byte)('a' + i)}, i);
        }
        assertEquals(2, three.get(view("c")));
        final AsciiIndex full = new AsciiIndex(2);
        full.put(new byte[] {'a'}, 0);
        full.put(new byte[] {'b'}, 1);
        full.put(new byte[] {'c'}, 2);
        full.put(new byte[] {'d'}, 3);
        assertThrows(IllegalStateException.class, () -> full.put(new byte[] {'e'}, 4));
    }
}
