package io.ordergate.engine.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.lmax.disruptor.AlertException;
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
 * collapsed at 5,000 orders/s (docs/PERFORMANCE.md). Here every wait, whatever it waits for, parks on one
 * condition. Publishers wake it through {@link #signalAllWhenBlocking()}; so do the stages themselves, which
 * {@link ProgressSignallingHandler} makes publish their sequence and signal at the end of each batch.
 *
 * <p>No lost wake-up: a waiter registers ({@code waiters}, a full fence) before it re-reads the sequence under the
 * lock, and a signaller writes its sequence (volatile) before it reads {@code waiters}; so either the waiter sees
 * the new sequence or the signaller sees the waiter and signals under the lock the waiter holds until it parks.
 * A bounded park is kept anyway as a safety net, so a missed signal could cost a millisecond, never a hang.
 */
public final class StageBlockingWaitStrategy implements WaitStrategy
{
    private static final long SAFETY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Pauses before parking: a few microseconds, about what the stage before needs for one command, so a busy
     * pipeline often hands over without a futex round trip (30-45 us each on this project's VMs); an idle or slow
     * one parks right after. Measured alternatives: yielding for longer starved the event loop on 2 cores (client
     * p99 1.5 s at 5,000/s); no spin at all gave p50 357 us against 243-295 us with it.
     */
    static final int SPIN_TRIES = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException
    {
        long available;
        for (int tries = 0; tries < SPIN_TRIES; tries++)
        {
            if ((available = dependentSequence.get()) >= sequence)
            {
                return available;
            }
            Thread.onSpinWait();
        }
        lock.lock();
        try
        {
            waiters.incrementAndGet();
            try
            {
                while ((available = dependentSequence.get()) < sequence)
                {
                    barrier.checkAlert();
                    progress.awaitNanos(SAFETY_PARK_NANOS);
                }
            }
            finally
            {
                waiters.decrementAndGet();
            }
        }
        finally
        {
            lock.unlock();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (waiters.get() > 0)
        {
            lock.lock();
            try
            {
                progress.signalAll();
            }
            finally
            {
                lock.unlock();
            }
        }
    }
}
