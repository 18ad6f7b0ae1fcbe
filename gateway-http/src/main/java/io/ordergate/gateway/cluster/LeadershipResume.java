package io.ordergate.gateway.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.CommandPublisher;

/**
 * What a member does when it becomes the leader: the executor recovery a single node publishes at start-up
 * ({@code RECOVER_ROUTED}), so the executors' commands go on from the committed state and nothing is traded twice
 * (commands are delivered again with their ids, and an executor answers a known id from its first result). Told on
 * the service's thread; publishes from its own short-lived thread, since the answers come back through that thread.
 */
final class LeadershipResume
{
    private static final Logger LOG = Logger.getLogger(LeadershipResume.class.getName());

    private final CommandPublisher publisher;

    LeadershipResume(final CommandPublisher publisher)
    {
        this.publisher = publisher;
    }

    void leading(final boolean leading)
    {
        if (!leading)
        {
            LOG.info("this member follows: venue side effects are the leader's");
            return;
        }
        LOG.info("this member leads: resuming venue side effects from the committed state");
        final Thread thread = new Thread(() ->
        {
            // At a cluster's start the first election may finish before this member's pipeline is built: wait for it.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!publisher.publish(CommandType.RECOVER_ROUTED, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, null, null))
            {
                if (System.nanoTime() > deadline)
                {
                    LOG.warning("RECOVER_ROUTED could not be published within 60 s (no pipeline, or the ring stayed full)");
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));  // retrying a publish, not synchronising
            }
        }, "og-leadership");
        thread.setDaemon(true);
        thread.start();
    }
}
