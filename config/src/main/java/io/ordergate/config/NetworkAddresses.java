package io.ordergate.config;

/**
 * Syntax checks for IP address literals and CIDR blocks, without name resolution (InetAddress may query DNS
 * for text that is not a valid literal). Stateless: safe from any thread.
 */
final class NetworkAddresses
{
    private NetworkAddresses()
    {
    }

    /** An IPv4 or IPv6 literal, optionally followed by {@code /prefix} (0..32 or 0..128). */
    static boolean isAddressOrCidr(final String text)
    {
        final int slash = text.indexOf('/');
        final String address = slash < 0 ? text : text.substring(0, slash);
        final int maxPrefix;
        if (isIpv4(address))
        {
            maxPrefix = 32;
        }
        else if (isIpv6(address))
        {
            maxPrefix = 128;
        }
        else
        {
            return false;
        }
        if (slash < 0)
        {
            return true;
        }
        final String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            return false;
        }
        return Integer.parseInt(prefix) <= maxPrefix;
    }

    /** Dotted quad, each part 0..255 in 1 to 3 decimal digits. */
    static boolean isIpv4(final String text)
    {
        final String[] parts = text.split("\\.", -1);
        if (parts.length != 4)
        {
            return false;
        }
        for (final String part : parts)
        {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9') ||
                Integer.parseInt(part) > 255)
            {
                return false;
            }
        }
        return true;
    }

    /** Eight hex groups, at most one "::" standing for one or more zero groups, an IPv4 tail allowed. */
    static boolean isIpv6(final String text)
    {
        final int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0)
        {
            return false;
        }
        if (gap < 0)
        {
            return groups(text, true) == 8;
        }
        final String head = text.substring(0, gap);
        final String tail = text.substring(gap + 2);
        final int headGroups = head.isEmpty() ? 0 : groups(head, false);
        final int tailGroups = tail.isEmpty() ? 0 : groups(tail, true);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** Number of 16-bit groups in colon-separated hex text (an IPv4 tail counts 2), or -1 if malformed. */
    private static int groups(final String text, final boolean ipv4TailAllowed)
    {
        final String[] parts = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++)
        {
            final String part = parts[i];
            if (ipv4TailAllowed && i == parts.length - 1 && part.indexOf('.') >= 0)
            {
                if (!isIpv4(part))
                {
                    return -1;
                }
                count += 2;
            }
            else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(NetworkAddresses::isHex))
            {
                return -1;
            }
            else
            {
                count++;
            }
        }
        return count;
    }

    private static boolean isHex(final int c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
