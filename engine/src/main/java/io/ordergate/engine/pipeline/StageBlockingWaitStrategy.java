package io.ordergate.engine.pipeline;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * Blocks a waiting stage — on the publishers AND on the stage before it — after at most a brief, bounded spin.
 * Thread safe: shared by every stage of one pipeline.
 *
 * <p>Disruptor's {@code BlockingWaitStrategy} blocks only until the publishers' cursor passes the sequence; a stage
 * that then waits for the stage before it (the engine for the journal, the replies for the engine) busy-spins.
 * On a 2-core machine those spinning stages starve the very threads they wait for: the default configuration
 * collapsed at 5,000 orders/s (docs/PERFORMANCE.md). Here every wait, whatever it waits for, parks. Publishers wake
 * it through {@link #signalAllWhenBlocking()}; so do the stages themselves, which {@link ProgressSignallingHandler}
 * makes publish their sequence and signal at the end of each batch.
 *
 * <p>A waiter parks its own thread ({@link LockSupport#park}) in a slot of {@link #parked}; a signaller unparks the
 * threads in the slots. There is no lock: with a lock and a condition, the event loop's signal and the stage's next
 * wait met on the lock at 20,000 orders/s (a third of the stage thread's profile samples in {@code lock()}), and a
 * signalled waiter had to win the lock back before it could run, a second wake-up (docs/PERFORMANCE.md,
 * "Item 8 on a busy machine").
 *
 * <p>No lost wake-up: a waiter takes its slot and counts itself in {@code waiters} (both full fences) before it
 * re-reads the sequence, and a signaller fences after writing its sequence and before it reads {@code waiters}; so
 * either the waiter sees the new sequence or the signaller sees the waiter and unparks it (an unpark before the park
 * makes the park return at once). A bounded park is kept anyway as a safety net (and for a waiter that finds every
 * slot taken, which the pipeline's at most three stage threads never do): a millisecond at first, doubled each time it
 * ends with nothing to do, up to {@link #LONGEST_SAFETY_PARK_NANOS}. Under load a wait rarely lasts a millisecond, so
 * nothing changes there; an idle stage wakes about sixteen times a second instead of a thousand (each wake-up costs
 * 25-30 us of CPU under this project's hypervisors: docs/PERFORMANCE.md, "Idle wake-ups"). A missed signal could
 * cost a millisecond in a busy pipeline, at most 64 ms in an idle one, never a hang. 64, not 100: a 100 ms delay on
 * this project's VMs is the host's (docs/PERFORMANCE.md), and a park's bound must not look like one.
 */
public final class StageBlockingWaitStrategy implements WaitStrategy
{
    private static final long FIRST_SAFETY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_SAFETY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(64);
    /** More than the pipeline's stage threads (at most three) and anything else that waits on its ring. */
    private static final int SLOTS = 8;
    /**
     * Pauses before parking: a few microseconds, about what the stage before needs for one command, so a busy
     * pipeline often hands over without a futex round trip (30-45 us each on this project's VMs); an idle or slow
     * one parks right after. Measured alternatives: yielding for longer starved the event loop on 2 cores (client
     * p99 1.5 s at 5,000/s); no spin at all gave p50 357 us against 243-295 us with it.
     */
    static final int SPIN_TRIES = 100;

    private final AtomicReferenceArray<Thread> parked = new AtomicReferenceArray<>(SLOTS);
    private final AtomicInteger waiters = new AtomicInteger();
    private final long firstSafetyParkNanos;
    private final long longestSafetyParkNanos;
    private RingBuffer<?> ring;

    public StageBlockingWaitStrategy()
    {
        this(FIRST_SAFETY_PARK_NANOS, LONGEST_SAFETY_PARK_NANOS);
    }

    /** Tests: safety parks so long that only the signals can wake a waiter in time. */
    StageBlockingWaitStrategy(final long firstSafetyParkNanos, final long longestSafetyParkNanos)
    {
        this.firstSafetyParkNanos = firstSafetyParkNanos;
        this.longestSafetyParkNanos = longestSafetyParkNanos;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        for (int tries = 0; tries < SPIN_TRIES; tries++)
        {
            if (ready(sequence, cursor, dependentSequence))
            {
                return dependentSequence.get();
            }
            Thread.onSpinWait();
        }
        final Thread me = Thread.currentThread();
        final int slot = takeSlot(me);
        waiters.incrementAndGet();
        try
        {
            long safetyParkNanos = firstSafetyParkNanos;
            while (!ready(sequence, cursor, dependentSequence))
            {
                barrier.checkAlert();
                LockSupport.parkNanos(this, safetyParkNanos);
                safetyParkNanos = Math.min(safetyParkNanos * 2, longestSafetyParkNanos);
                if (Thread.interrupted())
                {
                    throw new InterruptedException();
                }
            }
        }
        finally
        {
            waiters.decrementAndGet();
            if (slot >= 0)
            {
                parked.set(slot, null);
            }
        }
        return dependentSequence.get();
    }

    /**
     * The ring whose publishers the first stage waits for. Set before the stage threads start (their start orders it).
     * Without it a stage that waits for the publishers takes a claimed slot as ready.
     */
    void publishedBy(final RingBuffer<?> published)
    {
        this.ring = published;
    }

    /**
     * Whether {@code sequence} can be processed: the stage before has passed it, or, for a stage that waits for the
     * publishers, it is published, not only claimed. With several publishers the cursor moves at the claim; taking that
     * as ready, Disruptor's barrier returns "nothing yet" until the publish, and the stage loops straight back here,
     * busy, for as long as the publisher fills the slot: a few microseconds, or a whole time slice when the publisher
     * (the event loop) is preempted between claim and publish on a busy 2-core machine. Here it parks instead, and
     * the publish wakes it.
     */
    private boolean ready(final long sequence, final Sequence cursor, final Sequence dependentSequence)
    {
        if (dependentSequence.get() < sequence)
        {
            return false;
        }
        final RingBuffer<?> published = ring;
        return dependentSequence != cursor || published == null || published.isAvailable(sequence);
    }

    private int takeSlot(final Thread me)
    {
        for (int i = 0; i < SLOTS; i++)
        {
            if (parked.get(i) == null && parked.compareAndSet(i, null, me))
            {
                return i;
            }
        }
        return -1;  // every slot taken: this waiter relies on the bounded park alone
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // The publisher's or stage's sequence was just written (a release or volatile store): order it before the read.
        VarHandle.fullFence();
        if (waiters.get() > 0)
        {
            for (int i = 0; i < SLOTS; i++)
            {
                final Thread waiter = parked.get(i);
                if (waiter != null)
                {
                    LockSupport.unpark(waiter);
                }
            }
        }
    }
}
