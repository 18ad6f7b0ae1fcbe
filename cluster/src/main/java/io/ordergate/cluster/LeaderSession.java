package io.ordergate.cluster;

import org.agrona.DirectBuffer;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;

/**
 * og-ingress's client session with the cluster's leader: the calls {@link ClusterIngress} makes of Aeron's
 * {@link AeronCluster} ({@link #of}), and no more, so that a test can stand in for a leader that takes nothing
 * offered to it (an election, a new leader's ingress not yet connected, back pressure) for as long as it likes.
 *
 * <p><b>Not thread safe</b>: owned by the og-ingress thread, as the {@link AeronCluster} it wraps.
 */
interface LeaderSession
{
    /** {@link AeronCluster#offer(DirectBuffer, int, int)}: above zero when taken, else Aeron's reason (back pressure, not connected...). */
    long offer(DirectBuffer buffer, int offset, int length);

    /** Polls the egress: leader changes and session events reach the listener the session was made with. */
    int pollEgress();

    boolean isClosed();

    long clusterSessionId();

    boolean sendKeepAlive();

    void close();

    /** A session being made: {@link #poll} until it is one. */
    interface Connecting
    {
        /** The session once made, else null; throws when no leader answered in time. */
        LeaderSession poll();

        void close();
    }

    /** Makes sessions whose egress events (new leader, session events) go to {@code listener}. */
    @FunctionalInterface
    interface Connector
    {
        Connecting connect(EgressListener listener);
    }

    /** Aeron's client as og-ingress uses it. */
    static LeaderSession of(final AeronCluster client)
    {
        return new LeaderSession()
        {
            @Override
            public long offer(final DirectBuffer buffer, final int offset, final int length)
            {
                return client.offer(buffer, offset, length);
            }

            @Override
            public int pollEgress()
            {
                return client.pollEgress();
            }

            @Override
            public boolean isClosed()
            {
                return client.isClosed();
            }

            @Override
            public long clusterSessionId()
            {
                return client.clusterSessionId();
            }

            @Override
            public boolean sendKeepAlive()
            {
                return client.sendKeepAlive();
            }

            @Override
            public void close()
            {
                client.close();
            }
        };
    }

    /** Aeron's asynchronous connect as og-ingress polls it. */
    static Connecting of(final AeronCluster.AsyncConnect connecting)
    {
        return new Connecting()
        {
            @Override
            public LeaderSession poll()
            {
                final AeronCluster connected = connecting.poll();
                return connected == null ? null : LeaderSession.of(connected);
            }

            @Override
            public void close()
            {
                connecting.close();
            }
        };
    }
}
