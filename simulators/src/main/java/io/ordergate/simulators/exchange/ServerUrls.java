package io.ordergate.simulators.exchange;

import java.net.InetSocketAddress;
import java.net.URI;

import io.netty.channel.Channel;

/** The base URLs a simulated venue's bound server channel answers at (both dialects name them the same way). */
final class ServerUrls
{
    private ServerUrls()
    {
    }

    /** {@code scheme://host:port} of the channel's bound address, e.g. {@code http://127.0.0.1:40123}. */
    static URI of(final Channel server, final String scheme)
    {
        final InetSocketAddress address = (InetSocketAddress)server.localAddress();
        return URI.create(scheme + "://" + address.getHostString() + ":" + address.getPort());
    }
}
