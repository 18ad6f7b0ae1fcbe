package io.ordergate.gateway.cluster;

import java.util.logging.Logger;

import io.ordergate.cluster.ClusterNode;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.OneAnswer;
import io.ordergate.gateway.exchange.ExchangeIo;

/**
 * The gateway as a member of a cluster ({@code cluster.enabled}): the engine runs in this member's clustered
 * service, the pipeline's log is the cluster, and start-up waits until this member's engine has applied the log as
 * far as the cluster had committed it (a read through the log), instead of replaying a journal.
 *
 * <p>When this member becomes the leader it resumes the venues' side effects from the committed state, as a restart
 * does: {@code RECOVER_ROUTED} (orders still routed at an executor become unknown; their commands stay pending and
 * are delivered again with the same ids, which an executor answers from its first result), its exchange links, and
 * {@code EXCHANGE_RECOVER} (open exchange orders reconciled by client order id), through the log, so every member
 * records the same; when it stops leading its exchange links close ({@link LeadershipResume}).
 */
public final class ClusterMember implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(ClusterMember.class.getName());
    /** How often the wait looks whether the member's replay moved on. */
    private static final long PROGRESS_CHECK_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 100;
    private static final long REPORT_MILLIS = 5_000;

    private final ClusterNode node;
    private final Pipeline pipeline;
    private final CommandPublisher publisher;

    private ClusterMember(final ClusterNode node, final Pipeline pipeline, final CommandPublisher publisher)
    {
        this.node = node;
        this.pipeline = pipeline;
        this.publisher = publisher;
    }

    /**
     * Launches this member (its snapshot and local log are applied on the service's thread before this returns) and
     * the pipeline into the cluster. {@code attach} is called with the pipeline before anything is published.
     */
    public static ClusterMember start(final GatewayConfig config, final Engine engine, final ResultHandler replies,
        final CommandPublisher publisher, final ExchangeIo exchanges, final java.util.function.Consumer<Pipeline> attach)
    {
        if (System.getenv(MasterKeys.KEY_ENV) == null)
        {
            LOG.warning(() -> "cluster member without " + MasterKeys.KEY_ENV + ": its own " + MasterKeys.KEY_FILE + " seals and opens secrets; "
                + "exchange credentials and webhook secrets another member sealed will not open here when it leads (docs/CLUSTER.md)");
        }
        final LeadershipResume resume = new LeadershipResume(publisher, exchanges);
        final ClusterNode node = ClusterNode.launch(config.cluster(), config.dataDir(), engine, replies, resume::leading);
        try
        {
            // no ring follower: the fan-out follows the reply stage on the service thread (FanOutStage.clusterForm)
            final Pipeline pipeline = Pipeline.start(config.pipeline(), node.commandLog(), replies, false);
            attach.accept(pipeline);
            return new ClusterMember(node, pipeline, publisher);
        }
        catch (final RuntimeException ex)
        {
            node.close();
            throw ex;
        }
    }

    public Pipeline pipeline()
    {
        return pipeline;
    }

    public ClusterNode node()
    {
        return node;
    }

    /**
     * Waits until this member's engine applied a read offered now, so everything the cluster committed before it:
     * what a single node's replay gives, and the registries beside the engine rebuilt with it. The service loads its
     * snapshot and replays its log after {@code launch} returns, for as long as the log is long: the wait goes on while
     * that makes progress, and gives up only after {@code quietMillis} with none (no snapshot loaded, no message applied,
     * no answer).
     *
     * @throws IllegalStateException when nothing moved for {@code quietMillis}
     */
    public void awaitCaughtUp(final long quietMillis) throws InterruptedException
    {
        long now = System.currentTimeMillis();
        long deadline = now + quietMillis;
        long nextReport = 0;
        long applied = node.appliedMessages();
        boolean snapshotLoaded = node.loadedSnapshot();
        // A read through the log: answered once this member applied every command committed before it.
        OneAnswer barrier = null;
        while (true)
        {
            if (barrier == null)
            {
                barrier = new OneAnswer();
                if (!publisher.publish(CommandType.STATE_DIGEST, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_SYSTEM, writer -> { }, barrier, null))
                {
                    barrier = null;
                }
            }
            if (barrier != null && barrier.await(Math.min(PROGRESS_CHECK_MILLIS, Math.max(1, deadline - now))))
            {
                if (barrier.succeeded())
                {
                    return;
                }
                barrier = null;
            }
            if (barrier == null)
            {
                // Without a leader the read is refused at once: asking again at once spun a core (and the log) for as long as the
                // election took, on machines where the other members need that core to elect one. No event says "a leader now".
                Thread.sleep(Math.min(RETRY_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
            }
            now = System.currentTimeMillis();
            if (node.appliedMessages() != applied || node.loadedSnapshot() != snapshotLoaded)
            {
                applied = node.appliedMessages();   // still loading or replaying: a long log is not a dead cluster
                snapshotLoaded = node.loadedSnapshot();
                deadline = now + quietMillis;
            }
            if (now >= deadline)
            {
                throw new IllegalStateException("the cluster did not answer and this member applied nothing for " + quietMillis
                    + " ms (is a majority of its members up?)");
            }
            if (now >= nextReport)
            {
                LOG.info(() -> "waiting for the cluster: a leader, and this member's snapshot and log (" + node.appliedMessages() + " applied)");
                nextReport = now + REPORT_MILLIS;
            }
        }
    }

    @Override
    public void close()
    {
        pipeline.close();
        node.close();
    }
}
