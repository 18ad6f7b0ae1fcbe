package io.ordergate.engine.pipeline;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

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
 *
 * <p>Between the spin and the park, a waiter may yield for a while ({@code pipeline.yield_window_us}): a parked
 * stage thread's wake-up is a futex wake, an inter-processor interrupt and, in a VM, the host scheduling the halted
 * vCPU again; the p99.9 of the gateway's server side was all that wake-up (docs/PERFORMANCE.md, "Item 8's targets").
 * A thread that yields stays runnable and takes the next command at once, but on two cores a thread always runnable
 * starves the threads it serves (Disruptor's yielding strategy at 20,000/s). So the yielding stops at the first yield
 * that gave the CPU away for longer than {@link #CONTENDED_YIELD_NANOS}: another thread wanted this core, and the
 * waiter parks as it would have. The clock is read only here, while there is no command to run; nothing a command
 * sees depends on it.
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
    /**
     * A yield that returns after this long ran another thread on this core: on an idle core a yield returns in 1-3 us.
     */
    static final long CONTENDED_YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final AtomicReferenceArray<Thread> parked = new AtomicReferenceArray<>(SLOTS);
    private final AtomicInteger waiters = new AtomicInteger();
    private final long firstSafetyParkNanos;
    private final long longestSafetyParkNanos;
    private final long yieldWindowNanos;
    private final LongSupplier nanoClock;
    private final Runnable yielder;
    private RingBuffer<?> ring;
    private StageTurn turn;

    /** @param yieldWindowNanos how long a waiter may yield, uncontended, before it parks; 0: park after the spin */
    public StageBlockingWaitStrategy(final long yieldWindowNanos)
    {
        this(FIRST_SAFETY_PARK_NANOS, LONGEST_SAFETY_PARK_NANOS, yieldWindowNanos, System::nanoTime, Thread::yield);
    }

    /** Tests: safety parks so long that only the signals can wake a waiter in time. */
    StageBlockingWaitStrategy(final long firstSafetyParkNanos, final long longestSafetyParkNanos)
    {
        this(firstSafetyParkNanos, longestSafetyParkNanos, 0, System::nanoTime, Thread::yield);
    }

    /** Tests: a yield window read on the given clock, with the given yield. */
    StageBlockingWaitStrategy(final long firstSafetyParkNanos, final long longestSafetyParkNanos, final long yieldWindowNanos,
        final LongSupplier nanoClock, final Runnable yielder)
    {
        this.firstSafetyParkNanos = firstSafetyParkNanos;
        this.longestSafetyParkNanos = longestSafetyParkNanos;
        this.yieldWindowNanos = yieldWindowNanos;
        this.nanoClock = nanoClock;
        this.yielder = yielder;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        await(sequence, cursor, dependentSequence, null, barrier, firstSafetyParkNanos);
        return dependentSequence.get();
    }

    /**
     * og-pipeline taking turns with the publishers ({@link TurnTakingStages}): waits until the command after
     * {@code processed} is published, as {@link #waitFor} does, its first safety park {@code firstSafetyParkNanos} (the
     * caller's own back-off: a publisher may have run the command it woke for). The command waited for is re-read from
     * {@code processed} at each look, since publishers move it meanwhile: a fixed sequence would go stale once they ran
     * a whole lap of the ring.
     */
    void awaitPublished(final Sequence processed, final RingBuffer<?> published, final SequenceBarrier barrier, final long firstSafetyParkNanos)
        throws AlertException, InterruptedException
    {
        await(0, null, processed, published, barrier, firstSafetyParkNanos);
    }

    /** The first safety park of a wait (tests: so long that only the signals wake a waiter in time). */
    long firstSafetyParkNanos()
    {
        return firstSafetyParkNanos;
    }

    /** The longest safety park of a wait. */
    long longestSafetyParkNanos()
    {
        return longestSafetyParkNanos;
    }

    private void await(final long sequence, final Sequence cursor, final Sequence dependentSequence, final RingBuffer<?> published,
        final SequenceBarrier barrier, final long firstParkNanos) throws AlertException, InterruptedException
    {
        for (int tries = 0; tries < SPIN_TRIES; tries++)
        {
            if (ready(sequence, cursor, dependentSequence, published))
            {
                return;
            }
            Thread.onSpinWait();
        }
        if (yieldWindowNanos > 0 && yieldedUntilReady(sequence, cursor, dependentSequence, published, barrier))
        {
            return;
        }
        final Thread me = Thread.currentThread();
        final int slot = takeSlot(me);
        waiters.incrementAndGet();
        try
        {
            long safetyParkNanos = firstParkNanos;
            while (!ready(sequence, cursor, dependentSequence, published))
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
    }

    /** Yields until the sequence is ready (true), the window has passed or a yield was contended (false: park). */
    private boolean yieldedUntilReady(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final RingBuffer<?> published, final SequenceBarrier barrier) throws AlertException
    {
        final long start = nanoClock.getAsLong();
        long beforeYield = start;
        while (!ready(sequence, cursor, dependentSequence, published))
        {
            barrier.checkAlert();
            yielder.run();
            final long afterYield = nanoClock.getAsLong();
            if (afterYield - beforeYield > CONTENDED_YIELD_NANOS || afterYield - start > yieldWindowNanos)
            {
                return false;
            }
            beforeYield = afterYield;
        }
        return true;
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
     * the publish wakes it. With {@code publishedOnly} ({@link #awaitPublished}): whether the command after
     * {@code dependentSequence} is published.
     */
    private boolean ready(final long sequence, final Sequence cursor, final Sequence dependentSequence, final RingBuffer<?> publishedOnly)
    {
        if (publishedOnly != null)
        {
            final long next = dependentSequence.get() + 1;  // the waiter's own progress (awaitPublished)
            return publishedOnly.getCursor() >= next && publishedOnly.isAvailable(next);
        }
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

    /**
     * The stages run in turns ({@code pipeline.publishers_run_stages}): a publish while a thread holds the turn wakes
     * nobody, since the holder looks at the ring again after it gives the turn back ({@link StageTurn}). Before start.
     */
    void takenInTurns(final StageTurn stageTurn)
    {
        this.turn = stageTurn;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // The publisher's or stage's sequence was just written (a release or volatile store): order it before the read.
        VarHandle.fullFence();
        final StageTurn stageTurn = turn;
        if (stageTurn != null && stageTurn.taken())
        {
            return;  // its holder runs this command (it re-reads the ring after giving the turn back)
        }
        wake();
    }

    /** Unparks every waiter, the turn or not: a holder hands what it leaves to og-pipeline. */
    void wake()
    {
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
