package io.ordergate.engine.pipeline;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * How a {@link RingFollower}'s thread sleeps while the ring is quiet, and how it is woken: by the reply stage after a
 * batch ({@link #ringAfterProgress}), or by anyone who hands the follower's thread work ({@link #ring}). A follower
 * that polls keeps the order path free of its wake-ups under load; one that only polled woke a thousand times a
 * second on an idle gateway, each wake-up 25-30 us of CPU under this project's hypervisors (docs/PERFORMANCE.md,
 * "Idle wake-ups"). So the follower polls while commands come and sleeps once the ring has been quiet a while; the
 * reply stage then pays one volatile read per batch, and an unpark only for the first command after the quiet.
 *
 * <p>Between two polls the follower {@link #pause}s (a millisecond): no batch wakes it then, or the order path would pay
 * a wake-up per batch under load, but one the reply stage marked ({@link #ringAfterThisBatch}: it answered a read the
 * follower's thread waits for, such as a slice of a stream's snapshot, whose answer asks for the next) does.
 *
 * <p>No lost wake-up (the pattern of {@link StageBlockingWaitStrategy}): the sleeper publishes itself and fences
 * before it looks for work; a ringer makes its work visible (the reply stage's sequence, or {@link #ring}'s flag) and
 * fences before it looks for a sleeper. Either the sleeper sees the work or the ringer sees the sleeper and unparks
 * it (an unpark before the park makes the park return at once). Thread safe.
 */
public final class FollowerBell
{
    private volatile Thread sleeper;
    /** The follower's thread while it pauses between two polls. */
    private volatile Thread pauser;
    private volatile boolean rung;
    /** Reply stage only: its current batch answered a read the follower waits for. */
    private boolean answerAwaited;

    /**
     * Reply stage, after it published its sequence (a volatile store with a full fence after it): wakes the follower
     * if it sleeps, or if it pauses and the batch answered a read it waits for. One volatile read otherwise.
     */
    void ringAfterProgress()
    {
        Thread waiting = sleeper;
        if (answerAwaited)
        {
            answerAwaited = false;
            waiting = waiting != null ? waiting : pauser;
        }
        if (waiting != null)
        {
            LockSupport.unpark(waiting);
        }
    }

    /** Reply stage, during a batch: it answered a read the follower waits for; wake the follower once the batch is published. */
    void ringAfterThisBatch()
    {
        answerAwaited = true;
    }

    /** Any thread that queued work for the follower's thread: it wakes now if it sleeps, or skips its next sleep. */
    void ring()
    {
        rung = true;
        VarHandle.fullFence();
        ringAfterProgress();
    }

    /**
     * Follower thread: parks for at most {@code maxNanos}, unless {@code follower} has commands to read or the bell
     * was rung since the last sleep; returns early when rung.
     */
    void sleep(final RingFollower follower, final long maxNanos)
    {
        sleeper = Thread.currentThread();
        VarHandle.fullFence();
        if (!rung && follower.available() < follower.next())
        {
            LockSupport.parkNanos(this, maxNanos);
        }
        sleeper = null;
        rung = false;
    }

    /**
     * Follower thread, between two polls: parks for at most {@code maxNanos}, unless {@code follower} has commands to
     * read; returns early when the reply stage answered a read the follower waits for ({@link #ringAfterThisBatch}).
     * The same no-lost-wake-up order as {@link #sleep}: the pauser published and fenced before the sequence is read.
     */
    void pause(final RingFollower follower, final long maxNanos)
    {
        pauser = Thread.currentThread();
        VarHandle.fullFence();
        if (follower.available() < follower.next())
        {
            LockSupport.parkNanos(follower, maxNanos);
        }
        pauser = null;
    }
}
