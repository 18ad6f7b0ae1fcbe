package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/** The reply stage's writes go out unflushed and each channel is flushed once when its batch ends. */
class ChannelFlushesTest
{
    @Test
    void shouldFlushEachChannelOnceAtTheEndOfTheBatch()
    {
        final AtomicInteger firstFlushes = new AtomicInteger();
        final AtomicInteger secondFlushes = new AtomicInteger();
        final EmbeddedChannel first = new EmbeddedChannel(counting(firstFlushes));
        final EmbeddedChannel second = new EmbeddedChannel(counting(secondFlushes));
        final ChannelFlushes flushes = new ChannelFlushes();

        for (int i = 0; i < 3; i++)
        {
            first.write("answer " + i);
            flushes.later(first);
        }
        second.write("push");
        flushes.later(second);
        assertEquals(0, first.outboundMessages().size(), "nothing leaves before the batch ends");
        assertEquals(0, second.outboundMessages().size());

        flushes.flushAll();
        assertEquals(3, first.outboundMessages().size());
        assertEquals(1, second.outboundMessages().size());
        assertEquals(1, firstFlushes.get(), "one flush for three answers");
        assertEquals(1, secondFlushes.get());

        flushes.flushAll();
        assertEquals(1, firstFlushes.get(), "a batch forgets its channels");
    }

    private static ChannelOutboundHandlerAdapter counting(final AtomicInteger flushes)
    {
        return new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void flush(final ChannelHandlerContext ctx)
            {
                flushes.incrementAndGet();
                ctx.flush();
            }
        };
    }
}
