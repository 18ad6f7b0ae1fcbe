package io.ordergate.gateway.webhooksout;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * Whether a webhook URL may be posted to: {@code http} or {@code https}, a host, a port (if any) 1..65535, no user
 * info, and (unless {@code webhooks.allow_private_targets}) every address the host resolves to public
 * ({@link #isPrivate}: not loopback, private, link-local, carrier-grade NAT, multicast, reserved or unspecified, nor an
 * IPv6 form of such an IPv4 address), so a caller cannot make the gateway post into its own network. Checked at registration and again before each attempt
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
        if (url.getPort() == 0 || url.getPort() > 65535)
        {
            return "url's port must be 1..65535";  // URI takes any digits; such a port would fail every attempt, not the registration
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

    /**
     * Whether an address is not a public one: anything the IANA special-purpose registries do not mark globally
     * reachable, and any IPv6 form that carries an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) whose IPv4
     * is not public, since the packet ends up at that IPv4 address.
     */
    static boolean isPrivate(final InetAddress address)
    {
        final byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? isPrivateV6(bytes) : isPrivateV4(ipv4(bytes, 0));
    }

    /**
     * IPv4 (RFC 6890 and the IANA registry): this network 0/8, private 10/8, 172.16/12, 192.168/16, carrier-grade NAT
     * 100.64/10, loopback 127/8, link-local 169.254/16, IETF protocol assignments 192.0.0/24, documentation 192.0.2/24,
     * 198.51.100/24, 203.0.113/24, benchmarking 198.18/15, multicast 224/4, reserved 240/4 (with broadcast 255.255.255.255).
     */
    private static boolean isPrivateV4(final int ipv4)
    {
        return in(ipv4, 0x00000000, 8) || in(ipv4, 0x0a000000, 8) || in(ipv4, 0x64400000, 10) || in(ipv4, 0x7f000000, 8)
            || in(ipv4, 0xa9fe0000, 16) || in(ipv4, 0xac100000, 12) || in(ipv4, 0xc0000000, 24) || in(ipv4, 0xc0000200, 24)
            || in(ipv4, 0xc0a80000, 16) || in(ipv4, 0xc6120000, 15) || in(ipv4, 0xc6336400, 24) || in(ipv4, 0xcb007100, 24)
            || in(ipv4, 0xe0000000, 4) || in(ipv4, 0xf0000000, 4);
    }

    /**
     * IPv6: the forms that carry an IPv4 address are judged by it; otherwise only global unicast (2000::/3) is public,
     * which leaves out unspecified, loopback, discard-only 100::/64, unique-local fc00::/7, site-local fec0::/10,
     * link-local fe80::/10 and multicast ff00::/8, and within it the IETF protocol assignments 2001::/23 (benchmarking,
     * ORCHID and the few anycast services in it: no webhook receiver lives there), documentation 2001:db8::/32 and
     * 3fff::/20, and SRv6 segment ids 5f00::/16.
     */
    private static boolean isPrivateV6(final byte[] bytes)
    {
        final long high = ByteBuffer.wrap(bytes).getLong(0);
        final int middle = ByteBuffer.wrap(bytes).getInt(8);
        if (high == 0 && (middle == 0 || middle == 0x0000ffff) || high == 0x0064ff9b00000000L && middle == 0)
        {
            return isPrivateV4(ipv4(bytes, 12));  // IPv4-compatible ::/96 (:: and ::1 fall in 0/8), IPv4-mapped, NAT64 64:ff9b::/96
        }
        if (high >>> 48 == 0x2002)
        {
            return isPrivateV4(ipv4(bytes, 2));  // 6to4 2002:AABB:CCDD::/48 is a.b.c.d's site
        }
        if (high >>> 32 == 0x20010000)
        {
            return isPrivateV4(ipv4(bytes, 4)) || isPrivateV4(~ipv4(bytes, 12));  // Teredo: its server, then its client (inverted)
        }
        return high >>> 61 != 1 || inV6(high, 0x2001000000000000L, 23) || inV6(high, 0x20010db800000000L, 32)
            || inV6(high, 0x3fff000000000000L, 20) || inV6(high, 0x5f00000000000000L, 16);
    }

    private static int ipv4(final byte[] bytes, final int offset)
    {
        return ByteBuffer.wrap(bytes).getInt(offset);
    }

    private static boolean in(final int ipv4, final int network, final int prefixBits)
    {
        return (ipv4 ^ network) >>> (32 - prefixBits) == 0;
    }

    private static boolean inV6(final long high, final long network, final int prefixBits)
    {
        return (high ^ network) >>> (64 - prefixBits) == 0;
    }
}
