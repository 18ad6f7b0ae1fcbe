package io.ordergate.engine.position;

/**
 * The last {@code capacity} closes of positions across every account and venue, newest overwriting oldest, and the
 * read that lists them newest first by close time (a history sync adds closes older than ones already here).
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing after construction.
 */
public final class ClosedPositions
{
    /** Which closes a read lists; implemented once by the reader, so a read allocates nothing. */
    public interface Filter
    {
        boolean accepts(ClosedPosition closed);
    }

    private final ClosedPosition[] ring;
    /** A min-heap of slot indexes by (close time, seq), for the newest-first read. */
    private final int[] heap;
    private long nextSeq = 1;

    public ClosedPositions(final int capacity, final int maxRead)
    {
        ring = new ClosedPosition[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new ClosedPosition();
        }
        heap = new int[maxRead];
    }

    /** A slot for the next close, reset, with its sequence. */
    public ClosedPosition next()
    {
        final long seq = nextSeq++;
        final ClosedPosition closed = ring[(int)(seq % ring.length)];
        closed.reset(seq);
        return closed;
    }

    /** The close with this sequence while it is still remembered, or null. */
    public ClosedPosition get(final long seq)
    {
        if (seq <= 0 || seq >= nextSeq)
        {
            return null;
        }
        final ClosedPosition closed = ring[(int)(seq % ring.length)];
        return closed.seq == seq ? closed : null;
    }

    public long count()
    {
        return nextSeq - 1;
    }

    public int capacity()
    {
        return ring.length;
    }

    /** A slot by ring index (for the state digest). */
    public ClosedPosition slot(final int index)
    {
        return ring[index];
    }

    /**
     * Selects up to {@code limit} remembered closes the filter accepts, newest first by close time (then by sequence).
     *
     * @param out receives them; at least {@code limit} long
     * @return how many were selected
     */
    public int newest(final int limit, final Filter filter, final ClosedPosition[] out)
    {
        final int wanted = Math.min(limit, heap.length);
        int size = 0;
        for (int i = 0; i < ring.length && wanted > 0; i++)
        {
            final ClosedPosition closed = ring[i];
            if (closed.seq == 0 || !filter.accepts(closed))
            {
                continue;
            }
            if (size < wanted)
            {
                heap[size] = i;
                up(size++);
            }
            else if (older(heap[0], i))
            {
                heap[0] = i;
                down(0, size);
            }
        }
        final int selected = size;
        while (size > 0)
        {
            out[--size] = ring[heap[0]];
            heap[0] = heap[size];
            down(0, size);
        }
        return selected;
    }

    private boolean older(final int a, final int b)
    {
        return newer(ring[b], ring[a]);
    }

    /** True when {@code x} comes before {@code y} in the newest-first order (later close time, then later sequence). */
    public static boolean newer(final ClosedPosition x, final ClosedPosition y)
    {
        return x.closedAtMicros != y.closedAtMicros ? x.closedAtMicros > y.closedAtMicros : x.seq > y.seq;
    }

    private void up(final int from)
    {
        int child = from;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!older(heap[child], heap[parent]))
            {
                return;
            }
            swap(child, parent);
            child = parent;
        }
    }

    private void down(final int from, final int size)
    {
        int parent = from;
        while (true)
        {
            final int left = 2 * parent + 1;
            if (left >= size)
            {
                return;
            }
            final int right = left + 1;
            final int smallest = right < size && older(heap[right], heap[left]) ? right : left;
            if (!older(heap[smallest], heap[parent]))
            {
                return;
            }
            swap(parent, smallest);
            parent = smallest;
        }
    }

    private void swap(final int a, final int b)
    {
        final int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
