package io.ordergate.gateway.webhooksout;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;

/**
 * Whether a webhook URL may be posted to: {@code http} or {@code https}, a host, no user info, and (unless
 * {@code webhooks.allow_private_targets}) every address the host resolves to public: not loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), link-local, carrier-grade NAT (100.64/10), multicast or unspecified, so a
 * caller cannot make the gateway post into its own network. Checked at registration and again before each attempt
 * (a name may resolve elsewhere later); the lookup itself is {@link HostResolver}'s. Stateless.
 */
final class TargetAddresses
{
    private TargetAddresses()
    {
    }

    /** @return null when the URL is well formed, else what is wrong with it */
    static String checkForm(final URI url)
    {
        final String scheme = url.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https"))
        {
            return "url must be an http or https URL";
        }
        if (url.getRawUserInfo() != null)
        {
            return "url must not carry a user or password";
        }
        if (url.getHost() == null || url.getHost().isEmpty())
        {
            return "url must name a host";
        }
        if (url.getRawFragment() != null)
        {
            return "url must not have a fragment";
        }
        return null;
    }

    /** @return null when a host that resolved to {@code addresses} may be posted to, else why not */
    static String checkResolved(final InetAddress[] addresses, final boolean allowPrivate)
    {
        if (allowPrivate)
        {
            return null;
        }
        for (final InetAddress address : addresses)
        {
            if (isPrivate(address))
            {
                return "url resolves to a loopback or private address (allowed only with webhooks.allow_private_targets)";
            }
        }
        return null;
    }

    static boolean isPrivate(final InetAddress address)
    {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
            || address.isMulticastAddress())
        {
            return true;
        }
        final byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address)
        {
            return (bytes[0] & 0xfe) == 0xfc || ((Inet6Address)address).isIPv4CompatibleAddress() && isPrivateV4(bytes[12], bytes[13]);
        }
        return isPrivateV4(bytes[0], bytes[1]);
    }

    /** The IPv4 ranges {@link InetAddress} does not name: 0/8, 100.64/10 (carrier-grade NAT). */
    private static boolean isPrivateV4(final byte first, final byte second)
    {
        final int a = first & 0xff;
        final int b = second & 0xff;
        return a == 0 || a == 10 || a == 127 || a == 100 && b >= 64 && b < 128 || a == 172 && b >= 16 && b < 32 || a == 192 && b == 168
            || a == 169 && b == 254;
    }
}
