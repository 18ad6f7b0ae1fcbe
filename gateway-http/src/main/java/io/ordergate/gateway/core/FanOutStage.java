package io.ordergate.gateway.core;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.RingFollower;

/**
 * The fan-out: one thread, {@code og-fanout}, that polls the ring behind the reply stage ({@link RingFollower}) and
 * hands every command to the features that follow it ({@link FanOutListener}: streams, outbound webhooks, logs). It
 * polls while commands come, so under load the order path pays no wake-up for it: when there is nothing new it pauses for
 * {@link #POLL_MICROS}, so a stream sees a command at most about a millisecond after its client was answered. A read
 * the fan-out waits for ({@link AwaitedRead}: a snapshot's slices, each asking for the next) ends the pause once
 * answered, so a snapshot's thirty slices do not wait a millisecond each (docs/STREAMS.md). After
 * {@link #QUIET_POLLS_BEFORE_SLEEP} empty polls in a row it sleeps instead (an idle gateway's fan-out woke a thousand
 * times a second, 3% of a core under this project's hypervisors: docs/PERFORMANCE.md, "Idle wake-ups"): the reply
 * stage wakes it for the next batch, a listener that queued work wakes it ({@link FanOutListener#wakeWith}), and it
 * wakes by itself every {@link #SLEEP_MILLIS} for the listeners' timers.
 * The listeners copy what they need into their own bounded queues and return, so the ring is released at once.
 * A listener that throws is counted ({@link #listenerFailures}) and logged (once per kind of failure), and the fan-out
 * goes on: it must never stop, the ring waits for it. At start-up the same listeners see every journaled command through {@link #onReplayed}.
 *
 * <p>Cluster form ({@link #clusterForm}): a command another member took is applied from the cluster's log, never
 * through this member's ring, so the fan-out has no thread of its own there: every command this member applies (its
 * own and the others', in log order) reaches the listeners on the member's service thread, as the reply stage sees
 * it, journaled ones only (replaying) until {@link #startInline}, every one live after; their periodic work runs when
 * that thread is idle, and they are told whether this member leads (only the leader sends outbound webhooks).
 */
public final class FanOutStage implements ReplyListener, StateBesideEngine, AutoCloseable
{
    /** How long the thread pauses when the ring has nothing new (unless a read it waits for is answered first). */
    public static final long POLL_MICROS = 1_000;
    /** Empty polls in a row (about this many milliseconds of a quiet ring) before the thread sleeps. */
    static final int QUIET_POLLS_BEFORE_SLEEP = 10;
    /**
     * The longest sleep: how late a listener's timer may run on an idle gateway. 64, not 100: a 100 ms delay on this
     * project's VMs is the host's (docs/PERFORMANCE.md), and a bound of ours must not look like one.
     */
    static final long SLEEP_MILLIS = 64;
    /** Slots released at a time: a long backlog is handed back to publishers as it is worked through. */
    private static final int MAX_BATCH = 256;
    private static final Logger LOG = Logger.getLogger(FanOutStage.class.getName());

    private final FanOutListener[] listeners;
    private final long pauseNanos;
    private final long sleepNanos;
    private final FailuresOncePerKind failures = new FailuresOncePerKind(LOG, java.util.logging.Level.WARNING);
    private volatile boolean running;
    private Thread thread;
    private volatile RingFollower follower;
    /** Cluster form: the listeners follow the reply stage on its thread (set before the member starts). */
    private volatile boolean inline;
    /** Cluster form: the gateway runs (replay is over); until then the commands reach the listeners as replayed. */
    private volatile boolean inlineLive;

    public FanOutStage(final List<FanOutListener> listeners)
    {
        this(listeners, TimeUnit.MICROSECONDS.toNanos(POLL_MICROS), TimeUnit.MILLISECONDS.toNanos(SLEEP_MILLIS));
    }

    /** Tests: a sleep so long that only the reply stage's or a listener's wake-up can end it in time. */
    FanOutStage(final List<FanOutListener> listeners, final long sleepNanos)
    {
        this(listeners, TimeUnit.MICROSECONDS.toNanos(POLL_MICROS), sleepNanos);
    }

    /** Tests: a pause between polls (and a sleep) so long that only a wake-up can end it in time. */
    FanOutStage(final List<FanOutListener> listeners, final long pauseNanos, final long sleepNanos)
    {
        this.pauseNanos = pauseNanos;
        this.sleepNanos = sleepNanos;
        this.listeners = listeners.toArray(new FanOutListener[0]);
        for (final FanOutListener listener : this.listeners)
        {
            listener.wakeWith(this::wake);
        }
    }

    /** Work was queued for the fan-out thread: it wakes if it sleeps. Any thread; nothing before {@link #start}. */
    private void wake()
    {
        final RingFollower following = follower;
        if (following != null)
        {
            following.wake();
        }
    }

    @Override
    public void stateRoots(final java.util.Map<String, Object> roots)
    {
        for (final FanOutListener listener : listeners)
        {
            if (listener instanceof StateBesideEngine)
            {
                ((StateBesideEngine)listener).stateRoots(roots);
            }
        }
    }

    /** Replay: every journaled command, on the replaying thread, before {@link #start}. */
    @Override
    public void onReplayed(final CommandEvent event)
    {
        for (final FanOutListener listener : listeners)
        {
            deliver(listener, event, true);
        }
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        // Single node: the running gateway's commands reach the listeners from the fan-out thread, not from here.
        if (inline)
        {
            inlineEvent(event);
        }
        else if (event.attachment instanceof AwaitedRead && follower != null)
        {
            // A read the fan-out waits for (a snapshot's slice): taken at once, not at the next poll; an order wakes nothing
            follower.wakeAfterThisBatch();
        }
    }

    @Override
    public void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (inline)
        {
            inlineEvent(event);
        }
        else
        {
            ReplyListener.super.onFollowing(event, flushes);
        }
    }

    private void inlineEvent(final CommandEvent event)
    {
        final boolean live = inlineLive;
        if (!live && (event.type == null || !event.type.journaled()))
        {
            return;
        }
        for (final FanOutListener listener : listeners)
        {
            deliver(listener, event, !live);
        }
    }

    @Override
    public void leading(final boolean leading)
    {
        for (final FanOutListener listener : listeners)
        {
            try
            {
                listener.leading(leading);
            }
            catch (final RuntimeException ex)
            {
                failed(listener, ex);
            }
        }
    }

    @Override
    public void onIdle(final long nowNanos)
    {
        if (inlineLive)
        {
            idle(nowNanos);
        }
    }

    /** Cluster form, before the member starts: the listeners will follow the reply stage on its thread. */
    public void clusterForm()
    {
        inline = true;
    }

    /** Cluster form: the gateway runs; from now on every command the member applies reaches the listeners live. */
    public void startInline()
    {
        inlineLive = true;
    }

    /** Starts following the ring; the follower was registered when the pipeline started, so nothing is missed. */
    public synchronized void start(final RingFollower ringFollower)
    {
        this.follower = ringFollower;
        running = true;
        thread = DaemonThreads.unstarted("og-fanout", this::run);
        thread.start();
    }

    private void run()
    {
        try
        {
            follow();
        }
        catch (final Error fatal)
        {
            // A listener's Error (a stack overflow, out of memory): this thread cannot go on, and as a gating sequence
            // it would hold the ring for good, every order after it answered 503. Orders go on without the fan-out.
            follower.detach();
            LOG.log(java.util.logging.Level.SEVERE, "og-fanout stopped: streams, outbound webhooks and logs stop; orders go on", fatal);
            throw fatal;
        }
    }

    private void follow()
    {
        int quietPolls = 0;
        while (running)
        {
            final long available = follower.available();
            long next = follower.next();

            if (available >= next)
            {
                final long last = Math.min(available, next + MAX_BATCH - 1);
                for (; next <= last; next++)
                {
                    final CommandEvent event = follower.event(next);
                    for (final FanOutListener listener : listeners)
                    {
                        deliver(listener, event, false);
                    }
                    event.replyTo = null;     // the reply stage left them for the listeners; the slot must not keep them
                    event.attachment = null;
                }
                follower.release(last);
                idle(System.nanoTime());
                quietPolls = 0;
            }
            else
            {
                idle(System.nanoTime());
                if (++quietPolls < QUIET_POLLS_BEFORE_SLEEP)
                {
                    follower.pause(pauseNanos);
                }
                else
                {
                    follower.sleep(sleepNanos);
                }
            }
        }
    }

    private void deliver(final FanOutListener listener, final CommandEvent event, final boolean replaying)
    {
        try
        {
            listener.onEvent(event, replaying);
        }
        catch (final RuntimeException ex)
        {
            failed(listener, ex);
        }
    }

    private void idle(final long nowNanos)
    {
        for (final FanOutListener listener : listeners)
        {
            try
            {
                listener.onIdle(nowNanos);
            }
            catch (final RuntimeException ex)
            {
                failed(listener, ex);
            }
        }
    }

    private void failed(final FanOutListener listener, final RuntimeException ex)
    {
        // the fan-out's thread, or the replaying or the cluster's service thread
        failures.failed(listener, ex, () -> "fan-out listener failed (logged once per kind) " + listener.getClass().getSimpleName() + ": "
            + ex.getClass().getName());
    }

    /** Calls of a listener that threw, since start; any thread. */
    public long listenerFailures()
    {
        return failures.count();
    }

    /** Stops the thread (after the pipeline drained), stops gating the ring, and closes the listeners. */
    @Override
    public synchronized void close()
    {
        if (thread != null)
        {
            running = false;
            LockSupport.unpark(thread);
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            follower.detach();
            thread = null;
        }
        for (final FanOutListener listener : listeners)
        {
            listener.onClose();
        }
    }
}
