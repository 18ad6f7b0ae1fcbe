package io.ordergate.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import io.ordergate.engine.command.CommandEvent;

/**
 * {@link StageBlockingWaitStrategy} loses no wake-up: with its safety park set to ten minutes, only the publishers'
 * and the stages' signals can move a parked stage, and two publishers that pause at random (so the stages park
 * often, between and during their batches) still get every command through three stage threads in seconds. A lost
 * signal would hold a stage for the ten minutes and fail the wait below.
 *
 * <pre>
 *   2 publishers (random pauses) ─► ring of 64 ─► stage 1 ─► stage 2 ─► stage 3 (counts)
 * </pre>
 */
class StageSignalsTest
{
    private static final long TEN_MINUTES = TimeUnit.MINUTES.toNanos(10);
    private static final int PER_PUBLISHER = 20_000;

    @Test
    void shouldGetEveryCommandThroughParkedStagesOnSignalsAlone() throws Exception
    {
        final StageBlockingWaitStrategy waitStrategy = new StageBlockingWaitStrategy(TEN_MINUTES, TEN_MINUTES);
        final Disruptor<CommandEvent> disruptor = new Disruptor<>(
            CommandEvent.FACTORY, 64, runnable -> daemon(runnable, "test-stage"), ProducerType.MULTI, waitStrategy);
        final RingBuffer<CommandEvent> ring = disruptor.getRingBuffer();
        waitStrategy.publishedBy(ring);
        final StageExceptionHandler failures = new StageExceptionHandler();
        final AtomicLong last = new AtomicLong();
        final EventHandler<CommandEvent> passing = (event, sequence, endOfBatch) -> { };
        disruptor
            .handleEventsWith(new ProgressSignallingHandler(passing, waitStrategy::signalAllWhenBlocking, failures))
            .then(new ProgressSignallingHandler(passing, waitStrategy::signalAllWhenBlocking, failures))
            .then((event, sequence, endOfBatch) -> last.set(sequence + 1));
        disruptor.start();
        try
        {
            final Thread[] publishers = {daemon(() -> publish(ring), "test-publisher-1"), daemon(() -> publish(ring), "test-publisher-2")};
            for (final Thread publisher : publishers)
            {
                publisher.start();
            }
            for (final Thread publisher : publishers)
            {
                publisher.join(TimeUnit.SECONDS.toMillis(60));
            }
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (last.get() < 2L * PER_PUBLISHER && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertEquals(2L * PER_PUBLISHER, last.get(), "commands through the last stage within a minute (a lost wake-up holds a stage ten)");
        }
        finally
        {
            disruptor.halt();
        }
    }

    /** Publishes one command at a time, pausing up to 50 us now and then, so the stages park between commands. */
    private static void publish(final RingBuffer<CommandEvent> ring)
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < PER_PUBLISHER; i++)
        {
            final long sequence = ring.next();
            ring.get(sequence).bodyLength(0);
            ring.publish(sequence);
            if (random.nextInt(4) == 0)
            {
                LockSupport.parkNanos(random.nextLong(1, 50_000));
            }
        }
    }

    private static Thread daemon(final Runnable runnable, final String name)
    {
        final Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
