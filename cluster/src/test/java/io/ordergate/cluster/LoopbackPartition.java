package io.ordergate.cluster;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import io.aeron.driver.Configuration;
import io.aeron.driver.DataPacketDispatcher;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ReceiveChannelEndpointSupplier;
import io.aeron.driver.SendChannelEndpointSupplier;
import io.aeron.driver.ext.DebugReceiveChannelEndpoint;
import io.aeron.driver.ext.DebugSendChannelEndpoint;
import io.aeron.driver.ext.LossGenerator;
import io.aeron.driver.media.ReceiveChannelEndpoint;
import io.aeron.driver.media.SendChannelEndpoint;
import io.aeron.driver.media.UdpChannel;
import io.aeron.driver.media.UdpChannelTransport;

/**
 * A network partition between the members of a {@link TestCluster} on loopback: while one member is cut off, every UDP
 * frame between its media driver and another member's (consensus, log, catch-up, archive, and the gateways' cluster
 * clients: all of Aeron's traffic between them) is dropped, both ways, and each side keeps running. Its own traffic (its
 * gateway's client to its own consensus module) still flows, so its ring, ingress and engine stay alive, as on a host
 * whose network cable was pulled.
 *
 * <p>How: Aeron's media driver makes its UDP endpoints through the suppliers named by the system properties
 * {@value Configuration#SEND_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME} and {@value Configuration#RECEIVE_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME}
 * (read when each driver's context concludes, so {@link #install} comes before the members start). Every endpoint is then
 * one of Aeron's debug endpoints, whose loss generators ask this class. Each endpoint records its socket's port as its
 * member's (the member is its driver's Aeron directory) the first time it sends or receives; a sender always sends
 * before anyone can answer it, so a frame's sender is known at the receiving end, and the port an answer goes to is
 * known at the answering end. A frame is dropped when one end is the member cut off and the other another member.
 *
 * <p><b>Not thread safe for setup</b>: install, isolate and heal from the test's thread; the loss generators run on
 * the drivers' threads.
 */
public final class LoopbackPartition implements AutoCloseable
{
    /** Which member's driver (its Aeron directory) owns each UDP port its endpoints bound. */
    private static final Map<Integer, String> PORT_OWNERS = new ConcurrentHashMap<>();
    private static final AtomicLong DROPPED = new AtomicLong();
    /** The Aeron directory of the member cut off from the others; null while the network is whole. */
    private static volatile String cutOff;

    private LoopbackPartition()
    {
    }

    /** Makes every media driver started from now on partitionable; close to restore Aeron's own endpoints. */
    static LoopbackPartition install()
    {
        PORT_OWNERS.clear();
        cutOff = null;
        System.setProperty(Configuration.SEND_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME, SendEndpoints.class.getName());
        System.setProperty(Configuration.RECEIVE_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME, ReceiveEndpoints.class.getName());
        return new LoopbackPartition();
    }

    /** Cuts the member whose media driver uses {@code aeronDir} off from the others (both ways). */
    void isolate(final String aeronDir)
    {
        if (!PORT_OWNERS.containsValue(aeronDir))
        {
            throw new IllegalStateException("no UDP endpoint of " + aeronDir + " seen: is the partition installed before the members start?");
        }
        cutOff = aeronDir;
    }

    /** The network is whole again. */
    void heal()
    {
        cutOff = null;
    }

    /** Frames dropped since {@link #install}. */
    long dropped()
    {
        return DROPPED.get();
    }

    @Override
    public void close()
    {
        cutOff = null;
        System.clearProperty(Configuration.SEND_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME);
        System.clearProperty(Configuration.RECEIVE_CHANNEL_ENDPOINT_SUPPLIER_PROP_NAME);
        PORT_OWNERS.clear();
    }

    /** The media driver's send endpoints (named by a system property: public, with a public no-argument constructor). */
    public static final class SendEndpoints implements SendChannelEndpointSupplier
    {
        @Override
        public SendChannelEndpoint newInstance(final UdpChannel channel, final AtomicCounter status, final MediaDriver.Context context)
        {
            final Cut cut = new Cut(context.aeronDirectoryName());
            final DebugSendChannelEndpoint endpoint = new DebugSendChannelEndpoint(channel, status, context, cut, cut);
            cut.endpoint = endpoint;
            return endpoint;
        }
    }

    /** The media driver's receive endpoints (named by a system property: public, with a public no-argument constructor). */
    public static final class ReceiveEndpoints implements ReceiveChannelEndpointSupplier
    {
        @Override
        public ReceiveChannelEndpoint newInstance(final UdpChannel channel, final DataPacketDispatcher dispatcher, final AtomicCounter status,
            final MediaDriver.Context context)
        {
            final Cut cut = new Cut(context.aeronDirectoryName());
            final DebugReceiveChannelEndpoint endpoint = new DebugReceiveChannelEndpoint(channel, dispatcher, status, context, cut, cut);
            cut.endpoint = endpoint;
            return endpoint;
        }
    }

    /** One endpoint's loss generator (for its data and its control frames alike): drops what crosses the partition. */
    private static final class Cut implements LossGenerator
    {
        private final String owner;
        private volatile UdpChannelTransport endpoint;
        private boolean portKnown;

        Cut(final String owner)
        {
            this.owner = owner;
        }

        @Override
        public boolean shouldDropFrame(final InetSocketAddress remote, final UnsafeBuffer buffer, final int length)
        {
            recordOwnPort();
            final String isolated = cutOff;
            if (isolated == null || remote == null)
            {
                return false;  // whole; or a multi-destination send, which its receivers judge by its (known) sender
            }
            final String remoteOwner = PORT_OWNERS.get(remote.getPort());
            final boolean crosses = remoteOwner != null && !remoteOwner.equals(owner) && (isolated.equals(owner) || isolated.equals(remoteOwner));
            if (crosses)
            {
                DROPPED.incrementAndGet();
            }
            return crosses;
        }

        private void recordOwnPort()
        {
            final UdpChannelTransport transport = endpoint;
            if (portKnown || transport == null || transport.receiveDatagramChannel() == null)
            {
                return;  // known; or not open yet; or a multi-destination subscription (its destinations' frames name their senders)
            }
            final String bound = transport.bindAddressAndPort();
            final int colon = bound.lastIndexOf(':');
            if (colon > 0)
            {
                final int port = Integer.parseInt(bound.substring(colon + 1));
                if (port != 0)
                {
                    PORT_OWNERS.put(port, owner);
                    portKnown = true;
                }
            }
        }
    }
}
