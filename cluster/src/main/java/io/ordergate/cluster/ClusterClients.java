package io.ordergate.cluster;

import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;

import io.ordergate.config.ClusterConfig;

/**
 * Makes this node's client sessions to the cluster, over the node's own media driver: ingress to whichever member
 * leads (the client follows the leader as it changes), egress back to an ephemeral port on this node's host.
 */
final class ClusterClients implements LeaderSession.Connector, AutoCloseable
{
    private final ClusterConfig config;
    private final Aeron aeron;
    private final String ingressEndpoints;

    ClusterClients(final ClusterConfig config, final String aeronDir)
    {
        this.config = config;
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir).clientName("og-ingress"));
        this.ingressEndpoints = ingressEndpoints(config);
    }

    /** {@code 0=host:port,1=host:port,...}: every member's client ingress. */
    static String ingressEndpoints(final ClusterConfig config)
    {
        final StringBuilder endpoints = new StringBuilder();
        for (int id = 0; id < config.members().size(); id++)
        {
            if (id > 0)
            {
                endpoints.append(',');
            }
            endpoints.append(id).append('=').append(ClusterNode.endpoint(config, id, ClusterConfig.INGRESS_PORT));
        }
        return endpoints.toString();
    }

    /** Starts connecting a new session; poll the answer until it is a client (or throws: no leader in time). */
    @Override
    public LeaderSession.Connecting connect(final EgressListener listener)
    {
        // Waiting for a new leader must outlast an election: the heartbeat timeout plus the election itself.
        final long waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(5_000L, 3L * config.leaderHeartbeatTimeoutMillis()));
        final AeronCluster.Context context = new AeronCluster.Context()
            .aeron(aeron)
            .ownsAeronClient(false)
            .ingressChannel("aeron:udp?term-length=4m")
            .ingressEndpoints(ingressEndpoints)
            .egressChannel("aeron:udp?endpoint=" + host(config.members().get(config.memberId())) + ":0")
            .messageTimeoutNs(waitNanos)
            .egressListener(listener);
        return LeaderSession.of(AeronCluster.asyncConnect(context));
    }

    /** An IPv6 address in a channel URI goes in brackets. */
    static String host(final String host)
    {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public void close()
    {
        aeron.close();
    }
}
