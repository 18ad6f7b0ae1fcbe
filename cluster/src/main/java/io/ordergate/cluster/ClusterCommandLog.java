package io.ordergate.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.Disruptor;

import io.ordergate.config.ClusterConfig;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.CommandLog;
import io.ordergate.engine.pipeline.RingStages;

/**
 * The cluster form of the log: no stage threads on the ring; og-ingress offers each command to the cluster, and the
 * engine, on the service's thread, applies and answers it once committed. The ring's producers wait on the
 * service's release of each slot.
 */
final class ClusterCommandLog implements CommandLog
{
    private static final Logger LOG = Logger.getLogger(ClusterCommandLog.class.getName());
    private static final String[] NO_THREADS = new String[0];

    private final ClusterConfig config;
    private final String aeronDir;
    private final EngineService service;
    private ClusterClients clients;
    private AgentRunner ingress;
    private ClusterIngress ingressAgent;
    private RingLink link;

    ClusterCommandLog(final ClusterConfig config, final String aeronDir, final EngineService service)
    {
        this.config = config;
        this.aeronDir = aeronDir;
        this.service = service;
    }

    @Override
    public String[] threadNames(final RingStages stages)
    {
        return NO_THREADS;
    }

    @Override
    public SequenceBarrier attach(final Disruptor<CommandEvent> disruptor, final RingStages stages)
    {
        link = new RingLink(disruptor.getRingBuffer());
        disruptor.getRingBuffer().addGatingSequences(link.released);
        service.link(link);
        return disruptor.getRingBuffer().newBarrier(link.released);  // answered on the service's thread
    }

    @Override
    public void start()
    {
        clients = new ClusterClients(config, aeronDir);
        // Spins briefly, then parks up to 0.25 ms: an idle gateway costs little on 2 cores, a busy one never parks.
        ingress = new AgentRunner(new BackoffIdleStrategy(10, 20, 1_000, 250_000),
            error -> LOG.log(Level.WARNING, "og-ingress: " + error, error), null,
            ingressAgent = new ClusterIngress(link, service, clients, config.offerTimeoutMillis()));
        AgentRunner.startOnThread(ingress, runnable ->
        {
            final Thread thread = new Thread(runnable, "og-ingress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Any thread (tests): whether the ingress offered the command at ring {@code sequence} to the cluster. */
    boolean wasOffered(final long sequence)
    {
        final RingLink ring = link;
        return ring != null && sequence <= ring.ingressed.get() && ring.wasOffered(sequence);
    }

    /** Any thread (tests): whether this node's client has a session with a leader ({@link ClusterIngress#hasSession}). */
    boolean hasSession()
    {
        final ClusterIngress agent = ingressAgent;
        return agent != null && agent.hasSession();
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(ingress, clients);
        ingress = null;
        clients = null;
    }
}
