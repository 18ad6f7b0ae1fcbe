package io.ordergate.gateway.streams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;

/**
 * What one socket has still to write, bounded: messages that must arrive (orders, positions, accounts, snapshots,
 * errors) in a queue of at most {@code maxQueued}, and market data (quotes, candles) in one slot per symbol (and
 * timeframe) where the newest replaces what the reader has not taken yet. Every message gets the socket's next
 * {@code seq} when it is offered, so a replaced quote leaves a gap a client can see; {@link #poll} hands them out in
 * seq order. A queue that would pass its bound refuses the message: the socket is then closed (1008), never
 * buffered further.
 *
 * <p>Market data is held as a reference to a frame encoded once for every socket ({@link SharedFrames}); a slot is
 * made once per key and reused, so a quote pushed and written allocates nothing here. A replaced frame is released,
 * {@link #close} releases the rest and refuses any offered after it. Thread safe (the fan-out thread offers, the socket's event loop polls, both
 * briefly under this object's lock).
 */
final class StreamOutbox
{
    /** One message: its seq and its JSON object, without the seq (spliced in when written). Immutable. */
    record Message(long seq, byte[] body)
    {
    }

    /** What {@link #poll} hands out, filled in place: a message's seq and either its body or its shared frame. */
    static final class Polled
    {
        long seq;
        byte[] body;
        ByteBuf frame;
    }

    /** The newest market data under one key, or none ({@code frame} null). */
    private static final class Slot
    {
        final String key;
        long seq;
        ByteBuf frame;

        Slot(final String key)
        {
            this.key = key;
        }
    }

    private final int maxQueued;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final Map<String, Slot> slotsByKey = new HashMap<>();
    private final List<Slot> slots = new ArrayList<>();
    private int filledSlots;
    private long nextSeq = 1;
    private boolean closed;

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
     * Market data under {@code key}: replaces the frame under the same key the reader has not taken yet. The outbox
     * holds a reference of its own to the shared {@code frame} (retained here; never once the outbox is closed).
     *
     * @return true when it replaced one (the replaced message's seq is a gap the reader sees)
     */
    synchronized boolean offerLatest(final String key, final ByteBuf frame)
    {
        if (closed)
        {
            return false;
        }
        frame.retain();
        Slot slot = slotsByKey.get(key);
        if (slot == null)
        {
            slot = new Slot(key);
            slotsByKey.put(key, slot);
            slots.add(slot);
        }
        final boolean replaced = slot.frame != null;
        if (replaced)
        {
            slot.frame.release();
        }
        else
        {
            filledSlots++;
        }
        slot.frame = frame;
        slot.seq = nextSeq++;
        return replaced;
    }

    /**
     * The pending message with the lowest seq, into {@code into} (a frame handed out is a reference the caller must
     * release: it is shared, so the caller reads it without moving its indices).
     *
     * @return false when nothing is pending
     */
    synchronized boolean poll(final Polled into)
    {
        final Message first = queue.peek();
        Slot earliest = null;
        long lowest = first == null ? Long.MAX_VALUE : first.seq();
        for (int i = 0; filledSlots > 0 && i < slots.size(); i++)
        {
            final Slot slot = slots.get(i);
            if (slot.frame != null && slot.seq < lowest)
            {
                earliest = slot;
                lowest = slot.seq;
            }
        }
        if (earliest != null)
        {
            into.seq = earliest.seq;
            into.frame = earliest.frame;
            into.body = null;
            earliest.frame = null;
            filledSlots--;
            return true;
        }
        if (first == null)
        {
            return false;
        }
        queue.poll();
        into.seq = first.seq();
        into.body = first.body();
        into.frame = null;
        return true;
    }

    /** The seq of a message written past this outbox (a slow reader's last): above every seq handed out before it. */
    synchronized long takeSeq()
    {
        return nextSeq++;
    }

    synchronized boolean isEmpty()
    {
        return queue.isEmpty() && filledSlots == 0;
    }

    /** Messages that must arrive and are not written yet. */
    synchronized int queued()
    {
        return queue.size();
    }

    /** Drops the unsent market data of a key no longer subscribed: that key's only ({@code quotes:US30}, not {@code quotes:US300}). */
    synchronized void forget(final String key)
    {
        final Slot slot = slotsByKey.remove(key);
        if (slot != null)
        {
            release(slot);
            slots.remove(slot);
        }
    }

    /** The socket is gone: releases what market data is held, and refuses any offered from now on. */
    synchronized void close()
    {
        closed = true;
        for (final Slot slot : slots)
        {
            release(slot);
        }
        queue.clear();
    }

    private void release(final Slot slot)
    {
        if (slot.frame != null)
        {
            slot.frame.release();
            slot.frame = null;
            filledSlots--;
        }
    }
}
