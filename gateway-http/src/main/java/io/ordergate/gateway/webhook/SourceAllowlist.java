package io.ordergate.gateway.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code webhook.allowed_sources}: addresses and CIDR blocks allowed to call the webhook; empty allows any.
 * Built once from literals (no DNS). Immutable: safe from any thread.
 */
public final class SourceAllowlist
{
    private final List<byte[]> networks = new ArrayList<>();
    private final List<Integer> prefixes = new ArrayList<>();

    public SourceAllowlist(final List<String> sources)
    {
        for (final String source : sources)
        {
            final int slash = source.indexOf('/');
            final String text = slash < 0 ? source : source.substring(0, slash);
            final byte[] address = literal(text);
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(source.substring(slash + 1));
            if (text.indexOf(':') >= 0 && address.length == 4)
            {
                // an IPv4-mapped IPv6 literal (::ffff:10.0.0.0/104) comes back as its 4 IPv4 bytes, as the clients it
                // names do: its prefix counts 96 bits that are not there (unchanged, it read past the 4 bytes and failed)
                prefix = Math.max(0, prefix - 96);
            }
            networks.add(address);
            prefixes.add(Math.min(prefix, address.length * 8));
        }
    }

    public boolean allows(final SocketAddress remote)
    {
        if (networks.isEmpty())
        {
            return true;
        }
        if (!(remote instanceof InetSocketAddress) || ((InetSocketAddress)remote).getAddress() == null)
        {
            return false;
        }
        final byte[] address = ((InetSocketAddress)remote).getAddress().getAddress();
        for (int i = 0; i < networks.size(); i++)
        {
            if (matches(networks.get(i), prefixes.get(i), address))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(final byte[] network, final int prefix, final byte[] address)
    {
        if (network.length != address.length)
        {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++)
        {
            final int mask = 0x80 >>> (bit & 7);
            if ((network[bit >>> 3] & mask) != (address[bit >>> 3] & mask))
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(final String text)
    {
        try
        {
            return InetAddress.getByName(text).getAddress();  // the configuration holds literals only (validated at load)
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("not an address: " + text, ex);
        }
    }
}
