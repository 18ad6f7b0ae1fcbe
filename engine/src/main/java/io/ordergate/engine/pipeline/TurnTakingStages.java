package io.ordergate.engine.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventProcessor;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.Sequencer;

import io.ordergate.engine.command.CommandEvent;

/**
 * The ring's one consumer with {@code pipeline.publishers_run_stages}: the three stages ({@link SingleThreadStages}) run
 * by whichever thread holds the {@link StageTurn}, over every published command after the last one run, in ring
 * order: og-pipeline, woken by a publish as before, or an HTTP event loop that just published and found the turn free
 * ({@link Pipeline#tryPublishAndRun}). A command published by a thread that then runs it itself needs no hand-over:
 * no futex wake, no second thread woken and scheduled, which on a 2-vCPU virtual machine is most of what a command
 * costs beyond its socket I/O (docs/PERFORMANCE.md, "Stages run by the publisher").
 *
 * <p>One holder at a time, and each holder sees what the last wrote ({@link StageTurn}): the stages stay
 * single-threaded in the sense that matters, and the journal's order is the ring's. A publisher runs at most
 * {@link #PUBLISHER_BATCH} commands per turn, then leaves the rest to og-pipeline, so an event loop is never kept
 * from its sockets for long. Thread safe: {@link #run} on og-pipeline, {@link #runPublished} on any publisher.
 */
final class TurnTakingStages implements EventProcessor
{
    /** Commands a publisher runs in one turn at most: its own and a few others', never a backlog. */
    static final int PUBLISHER_BATCH = 64;
    private static final long HALT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Sequence sequence = new Sequence(Sequencer.INITIAL_CURSOR_VALUE);
    /** og-pipeline's loop is running. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Nobody may run the stages any more: the pipeline is closing (its journal with it). */
    private volatile boolean halted;
    private final StageTurn turn = new StageTurn();
    private final RingBuffer<CommandEvent> ring;
    private final SequenceBarrier alerts;
    private final EventHandler<CommandEvent> stages;
    private final StageExceptionHandler failures;
    private final StageBlockingWaitStrategy waits;
    private final Runnable handOver;
    private final PipelineCounters counters;
    /** The thread that held the turn last; read and written only by the holder. */
    private Thread lastHolder;

    /**
     * @param handOver run by a thread taking the turn from another (the journal's appender moves to it)
     * @param counters counts the commands publishers ran
     */
    TurnTakingStages(final RingBuffer<CommandEvent> ring, final EventHandler<CommandEvent> stages, final StageExceptionHandler failures,
        final StageBlockingWaitStrategy waits, final Runnable handOver, final PipelineCounters counters)
    {
        this.counters = counters;
        this.ring = ring;
        this.alerts = ring.newBarrier();
        this.stages = stages;
        this.failures = failures;
        this.waits = waits;
        this.handOver = handOver;
        waits.takenInTurns(turn);
        stages.setSequenceCallback(sequence);
    }

    @Override
    public Sequence getSequence()
    {
        return sequence;
    }

    /**
     * Stops og-pipeline and every publisher from running the stages, and returns once none is running them: the
     * pipeline's owner closes the journal next, and an event loop still serving its connections may have taken the turn
     * for a command published after the ring was drained. A holder that took the turn before {@code halted} was set
     * finishes its batch (at most {@link #PUBLISHER_BATCH} commands); one that takes it after sees {@code halted}
     * (both volatile: the closer writes {@code halted} then reads the turn, the holder takes the turn then reads
     * {@code halted}) and gives it back at once. A holder stuck in a stage (a bug) is waited for {@link #HALT_WAIT_NANOS}
     * at most, as Disruptor's shutdown waits for a backlog.
     */
    @Override
    public void halt()
    {
        halted = true;
        alerts.alert();
        final long deadline = System.nanoTime() + HALT_WAIT_NANOS;
        while (turn.taken() && System.nanoTime() < deadline)
        {
            Thread.yield();
        }
    }

    @Override
    public boolean isRunning()
    {
        return running.get();
    }

    /** og-pipeline: waits for the next command, takes the turn and runs what is published, until halted. */
    @Override
    public void run()
    {
        if (!running.compareAndSet(false, true))
        {
            throw new IllegalStateException("already running");
        }
        alerts.clearAlert();
        long firstParkNanos = waits.firstSafetyParkNanos();
        try
        {
            while (!halted)
            {
                try
                {
                    waits.awaitPublished(sequence, ring, alerts, firstParkNanos);
                }
                catch (final AlertException stopping)
                {
                    continue;  // the loop's condition ends it
                }
                if (!turn.tryTake())
                {
                    awaitTurnGivenBack();  // its holder runs this command, or leaves it to this thread with a wake-up
                    continue;
                }
                final boolean ranAny = runAndGiveBack(Integer.MAX_VALUE) > 0;
                // Woken for a command a publisher had run: wait longer before the next safety look (an idle wake-up costs
                // 25-30 us of CPU here: docs/PERFORMANCE.md, "Idle wake-ups"); after real work, the normal bound again.
                firstParkNanos = ranAny ? waits.firstSafetyParkNanos() : Math.min(firstParkNanos * 2, waits.longestSafetyParkNanos());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            running.set(false);
        }
    }

    /**
     * A publisher, right after it published with the turn taken ({@link #tryTakeTurn}): runs what is published, up to
     * {@link #PUBLISHER_BATCH} commands, and gives the turn back.
     */
    void runPublished()
    {
        final int ran = runAndGiveBack(PUBLISHER_BATCH);
        if (ran > 0)
        {
            counters.ranByPublisher(ran);
        }
    }

    /** A publisher, before it publishes: true if it holds the turn now and must call {@link #runPublished} after. */
    boolean tryTakeTurn()
    {
        return !halted && turn.tryTake();
    }

    /** Runs published commands with the turn held, gives it back, and takes it again while more came meanwhile. */
    private int runAndGiveBack(final int limit)
    {
        int ran = 0;
        while (true)
        {
            try
            {
                if (!halted)
                {
                    ran += runPublishedUpTo(limit - ran);
                }
            }
            finally
            {
                turn.giveBack();  // whatever happened: a turn never given back would stop the pipeline
            }
            if (halted || !published(sequence.get() + 1))
            {
                return ran;
            }
            if (ran >= limit)
            {
                waits.wake();  // the rest is og-pipeline's: this publisher goes back to its sockets
                return ran;
            }
            if (!turn.tryTake())
            {
                return ran;  // the new holder runs it
            }
        }
    }

    private int runPublishedUpTo(final int most)
    {
        final Thread me = Thread.currentThread();
        if (me != lastHolder)
        {
            handOver.run();
            lastHolder = me;
        }
        final long first = sequence.get() + 1;
        final long end = Math.min(ring.getCursor(), first + most - 1);
        long last = first - 1;
        while (last < end && ring.isAvailable(last + 1))
        {
            last++;
        }
        for (long s = first; s <= last; s++)
        {
            final CommandEvent event = ring.get(s);
            try
            {
                stages.onEvent(event, s, s == last);
            }
            catch (final Throwable ex)
            {
                failures.handleEventException(ex, s, event);
            }
        }
        if (last >= first)
        {
            sequence.set(last);
        }
        return (int)(last - first + 1);
    }

    private boolean published(final long next)
    {
        return ring.getCursor() >= next && ring.isAvailable(next);
    }

    /** og-pipeline found the turn taken: the holder is running commands for a few microseconds at most. */
    private void awaitTurnGivenBack()
    {
        while (turn.taken() && !halted)
        {
            Thread.yield();
        }
    }
}
