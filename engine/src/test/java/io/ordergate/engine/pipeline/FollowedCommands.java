package io.ordergate.engine.pipeline;

import java.util.Collection;

/** What the follower tests' followers do with the ring: read every command it has, by correlation id. */
final class FollowedCommands
{
    private FollowedCommands()
    {
    }

    /**
     * Adds the correlation id of every command the follower can read now to {@code seen} and releases them.
     *
     * @return false when there was none (the caller waits as its test asks)
     */
    static boolean readAvailable(final RingFollower follower, final Collection<? super Long> seen)
    {
        final long available = follower.available();
        final long next = follower.next();
        if (available < next)
        {
            return false;
        }
        for (long sequence = next; sequence <= available; sequence++)
        {
            seen.add(follower.event(sequence).correlationId());
        }
        follower.release(available);
        return true;
    }
}
