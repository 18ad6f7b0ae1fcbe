package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The sockets the reply stage queued frames for are told once each when its batch ends, and then forgotten. */
class ChannelFlushesTest
{
    @Test
    void shouldTellEachSocketOnceAtTheEndOfTheBatch()
    {
        final AtomicInteger first = new AtomicInteger();
        final AtomicInteger second = new AtomicInteger();
        final ChannelFlushes.BatchEnd firstSocket = first::incrementAndGet;
        final ChannelFlushes.BatchEnd secondSocket = second::incrementAndGet;
        final ChannelFlushes flushes = new ChannelFlushes();

        for (int i = 0; i < 3; i++)
        {
            flushes.later(firstSocket);
        }
        flushes.later(secondSocket);
        assertEquals(0, first.get() + second.get(), "nothing is told before the batch ends");

        flushes.flushAll();
        assertEquals(1, first.get(), "one end of batch for three frames");
        assertEquals(1, second.get());

        flushes.flushAll();
        assertEquals(1, first.get(), "a batch forgets its sockets");
    }

    @Test
    void shouldTellTheOtherSocketsAndForgetTheBatchWhenOneThrows()
    {
        final AtomicInteger before = new AtomicInteger();
        final AtomicInteger after = new AtomicInteger();
        final ChannelFlushes.BatchEnd beforeSocket = before::incrementAndGet;
        final ChannelFlushes.BatchEnd throwing = () ->
        {
            throw new IllegalStateException("a socket's bug");
        };
        final ChannelFlushes.BatchEnd afterSocket = after::incrementAndGet;
        final ChannelFlushes flushes = new ChannelFlushes();
        flushes.later(beforeSocket);
        flushes.later(throwing);
        flushes.later(afterSocket);

        flushes.flushAll();
        assertEquals(1, before.get());
        assertEquals(1, after.get(), "the socket after the one that threw was told too");

        flushes.later(afterSocket);
        flushes.flushAll();
        assertEquals(1, before.get(), "the batch that threw was forgotten");
        assertEquals(2, after.get(), "the next batch is told as usual");
    }

    @Test
    void shouldTellEverySocketOfABatchLargerThanItsFirstArray()
    {
        final AtomicInteger told = new AtomicInteger();
        final ChannelFlushes flushes = new ChannelFlushes();
        for (int i = 0; i < 200; i++)
        {
            flushes.later(new ChannelFlushes.BatchEnd()  // a new socket each time
            {
                @Override
                public void endOfBatch()
                {
                    told.incrementAndGet();
                }
            });
        }
        flushes.flushAll();
        assertEquals(200, told.get());
    }
}
