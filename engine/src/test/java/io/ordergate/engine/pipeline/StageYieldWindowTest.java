package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

/**
 * {@link StageBlockingWaitStrategy}'s yield window: a waiter yields, and so takes a command without being woken,
 * until a yield is contended or the window has passed; then it parks. The clock is the test's: each yield moves it
 * by what the case needs, so no case depends on this machine's scheduling. The safety parks are ten minutes long, so
 * a waiter that parks is seen parked and only a signal moves it on.
 */
class StageYieldWindowTest
{
    private static final long TEN_MINUTES = TimeUnit.MINUTES.toNanos(10);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong yields = new AtomicLong();
    private final Sequence published = new Sequence(0);

    @Test
    void shouldTakeACommandPublishedWithoutASignalWhileYielding() throws Exception
    {
        final StageBlockingWaitStrategy strategy = strategy(TEN_MINUTES, 1);  // uncontended yields, a window never reached
        final CompletableFuture<Long> waited = waitInThread(strategy);
        awaitYields(1_000);
        published.set(1);  // no signal: a parked waiter would sleep ten minutes
        assertEquals(1L, waited.get(60, TimeUnit.SECONDS), "the yielding waiter saw the command itself");
    }

    @Test
    void shouldParkAtTheFirstContendedYield() throws Exception
    {
        final StageBlockingWaitStrategy strategy = strategy(TEN_MINUTES, StageBlockingWaitStrategy.CONTENDED_YIELD_NANOS + 1);
        final Thread waiter = new Thread(() -> waitFor(strategy), "test-waiter");
        waiter.setDaemon(true);
        waiter.start();
        awaitParked(waiter, strategy);
        assertEquals(1, yields.get(), "one contended yield, then the park");
        published.set(1);
        strategy.signalAllWhenBlocking();
        waiter.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiter.isAlive(), "the signal woke the parked waiter");
    }

    @Test
    void shouldParkWhenTheWindowHasPassed() throws Exception
    {
        final long yieldNanos = TimeUnit.MICROSECONDS.toNanos(1);
        final StageBlockingWaitStrategy strategy = strategy(TimeUnit.MICROSECONDS.toNanos(50), yieldNanos);
        final Thread waiter = new Thread(() -> waitFor(strategy), "test-waiter");
        waiter.setDaemon(true);
        waiter.start();
        awaitParked(waiter, strategy);
        assertEquals(51, yields.get(), "yields of 1 us until more than 50 us had passed");
        published.set(1);
        strategy.signalAllWhenBlocking();
        waiter.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiter.isAlive(), "the signal woke the parked waiter");
    }

    @Test
    void shouldNotYieldWithoutAWindow() throws Exception
    {
        final StageBlockingWaitStrategy strategy = strategy(0, 1);
        final Thread waiter = new Thread(() -> waitFor(strategy), "test-waiter");
        waiter.setDaemon(true);
        waiter.start();
        awaitParked(waiter, strategy);
        assertEquals(0, yields.get(), "parked after the spin, as before the window existed");
        published.set(1);
        strategy.signalAllWhenBlocking();
        waiter.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(waiter.isAlive(), "the signal woke the parked waiter");
    }

    /** A strategy on the test's clock, whose every yield moves the clock by {@code yieldNanos}. */
    private StageBlockingWaitStrategy strategy(final long yieldWindowNanos, final long yieldNanos)
    {
        return new StageBlockingWaitStrategy(TEN_MINUTES, TEN_MINUTES, yieldWindowNanos, clock::get, () ->
        {
            yields.incrementAndGet();
            clock.addAndGet(yieldNanos);
            Thread.yield();  // the real one too, so the test's own threads run
        });
    }

    private CompletableFuture<Long> waitInThread(final StageBlockingWaitStrategy strategy)
    {
        final CompletableFuture<Long> waited = new CompletableFuture<>();
        final Thread waiter = new Thread(() -> waited.complete(waitFor(strategy)), "test-waiter");
        waiter.setDaemon(true);
        waiter.start();
        return waited;
    }

    private long waitFor(final StageBlockingWaitStrategy strategy)
    {
        try
        {
            return strategy.waitFor(1, published, published, NEVER_ALERTED);
        }
        catch (final AlertException | InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void awaitYields(final long count)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (yields.get() < count && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertTrue(yields.get() >= count, "the waiter yields");
    }

    private static void awaitParked(final Thread waiter, final StageBlockingWaitStrategy strategy)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (LockSupport.getBlocker(waiter) != strategy && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertSame(strategy, LockSupport.getBlocker(waiter), "the waiter parked on the strategy");
    }

    private static final SequenceBarrier NEVER_ALERTED = new SequenceBarrier()
    {
        @Override
        public long waitFor(final long sequence)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor()
        {
            return 0;
        }

        @Override
        public boolean isAlerted()
        {
            return false;
        }

        @Override
        public void alert()
        {
        }

        @Override
        public void clearAlert()
        {
        }

        @Override
        public void checkAlert()
        {
        }
    };
}
