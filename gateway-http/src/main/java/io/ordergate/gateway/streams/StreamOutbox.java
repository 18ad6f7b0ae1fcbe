package io.ordergate.gateway.streams;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one socket has still to write, bounded: messages that must arrive (orders, positions, accounts, snapshots,
 * errors) in a queue of at most {@code maxQueued}, and market data (quotes, candles) in one slot per symbol (and
 * timeframe) where the newest replaces what the reader has not taken yet. Every message gets the socket's next
 * {@code seq} when it is offered, so a replaced quote leaves a gap a client can see; {@link #poll} hands them out in
 * seq order. A queue that would pass its bound refuses the message: the socket is then closed (1008), never
 * buffered further. Thread safe (the fan-out thread offers, the socket's event loop polls, both briefly under this
 * object's lock).
 */
final class StreamOutbox
{
    /** One message: its seq and its JSON object, without the seq (spliced in when written). Immutable. */
    record Message(long seq, byte[] body)
    {
    }

    private final int maxQueued;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final Map<String, Message> latest = new LinkedHashMap<>();
    private long nextSeq = 1;

    StreamOutbox(final int maxQueued)
    {
        this.maxQueued = maxQueued;
    }

    /**
     * A message that must arrive.
     *
     * @return false when the queue is full: the reader is too slow and must be closed
     */
    synchronized boolean offer(final byte[] body)
    {
        if (queue.size() >= maxQueued)
        {
            return false;
        }
        queue.add(new Message(nextSeq++, body));
        return true;
    }

    /**
     * Market data under {@code key}: replaces the message under the same key the reader has not taken yet.
     *
     * @return true when it replaced one (the replaced message's seq is a gap the reader sees)
     */
    synchronized boolean offerLatest(final String key, final byte[] body)
    {
        if (latest.put(key, new Message(nextSeq++, body)) != null)
        {
            return true;
        }
        return false;
    }

    /** The pending message with the lowest seq, or null. */
    synchronized Message poll()
    {
        Message first = queue.peek();
        String firstKey = null;
        for (final Map.Entry<String, Message> entry : latest.entrySet())
        {
            if (first == null || entry.getValue().seq() < first.seq())
            {
                first = entry.getValue();
                firstKey = entry.getKey();
            }
        }
        if (firstKey != null)
        {
            latest.remove(firstKey);
        }
        else if (first != null)
        {
            queue.poll();
        }
        return first;
    }

    synchronized boolean isEmpty()
    {
        return queue.isEmpty() && latest.isEmpty();
    }

    /** Messages that must arrive and are not written yet. */
    synchronized int queued()
    {
        return queue.size();
    }

    /** Drops market data of a key no longer subscribed. */
    synchronized void forget(final String keyPrefix)
    {
        final Iterator<String> keys = latest.keySet().iterator();
        while (keys.hasNext())
        {
            if (keys.next().startsWith(keyPrefix))
            {
                keys.remove();
            }
        }
    }
}
