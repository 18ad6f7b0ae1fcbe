package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The private-target check against the IANA IPv4 and IPv6 special-purpose registries: every block not globally
 * reachable is refused, and an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) is
 * judged by that IPv4, so {@code 64:ff9b::10.1.2.3} is refused like {@code 10.1.2.3} and {@code 64:ff9b::8.8.8.8}
 * is let through like {@code 8.8.8.8}.
 */
class TargetAddressesTest
{
    @ParameterizedTest(name = "{0} ({1}) is refused")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0|this network", "0.1.2.3|this network", "10.1.2.3|private", "100.64.0.1|carrier-grade NAT",
        "100.127.255.254|carrier-grade NAT", "127.0.0.1|loopback", "169.254.169.254|link-local (cloud metadata)",
        "172.16.0.1|private", "172.31.255.255|private", "192.0.0.8|IETF protocol assignments", "192.0.2.1|documentation",
        "192.168.1.1|private", "198.18.0.1|benchmarking", "198.19.255.255|benchmarking", "198.51.100.7|documentation",
        "203.0.113.9|documentation", "224.0.0.1|multicast", "239.255.255.250|multicast", "240.0.0.1|reserved",
        "255.255.255.255|broadcast",
        "::|unspecified", "::1|loopback", "::ffff:127.0.0.1|IPv4-mapped loopback", "::ffff:169.254.169.254|IPv4-mapped link-local",
        "::ffff:10.1.2.3|IPv4-mapped private", "::10.1.2.3|IPv4-compatible private", "::ffff:0:a01:203|IPv4-translated private",
        "64:ff9b::10.1.2.3|NAT64 of private", "64:ff9b::127.0.0.1|NAT64 of loopback", "64:ff9b::100.64.0.1|NAT64 of carrier-grade NAT",
        "64:ff9b:1::808:808|NAT64 local-use", "2002:a01:203::1|6to4 of private", "2002:7f00:1::1|6to4 of loopback",
        "2002:c0a8:101::1|6to4 of private", "2001:0:a01:203::1|Teredo with a private server",
        "2001:0:808:808::f5fe:fdfc|Teredo with a private client (10.1.2.3 inverted)", "fc00::1|unique-local", "fd12:3456::1|unique-local",
        "fe80::1|link-local", "febf::1|link-local", "fec0::1|site-local", "ff02::1|multicast", "ff0e::1|multicast", "100::1|discard-only",
        "2001:db8::1|documentation", "3fff::1|documentation", "2001:2::1|benchmarking", "2001:20::1|ORCHIDv2", "5f00::1|SRv6 segment ids",
        "200::1|not global unicast", "4000::1|not global unicast"})
    void shouldRefuseAnAddressThatIsNotGloballyReachable(final String literal, final String why) throws UnknownHostException
    {
        assertTrue(TargetAddresses.isPrivate(address(literal)), literal + " is " + why);
        assertEquals("url resolves to a loopback or private address (allowed only with webhooks.allow_private_targets)",
            TargetAddresses.checkResolved(new InetAddress[] {InetAddress.getByName("8.8.8.8"), address(literal)}, false), literal);
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.1",
        "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255", "11.0.0.1",
        "2606:4700:4700::1111", "2a00:1450:4001::1", "2001:4860:4860::8888", "2001:200::1", "64:ff9b::8.8.8.8", "::ffff:8.8.8.8",
        "::8.8.8.8", "2002:808:808::1", "2001:0:808:808::f7f7:f7f7"})
    void shouldLetAPublicAddressThrough(final String literal) throws UnknownHostException
    {
        assertFalse(TargetAddresses.isPrivate(address(literal)), literal);
        assertNull(TargetAddresses.checkResolved(new InetAddress[] {address(literal)}, false), literal);
    }

    @Test
    void shouldLetAnyAddressThroughWhenPrivateTargetsAreAllowed() throws UnknownHostException
    {
        assertNull(TargetAddresses.checkResolved(new InetAddress[] {address("10.1.2.3"), address("64:ff9b::127.0.0.1")}, true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "http://example.com:99999/hook|url's port must be 1..65535", "https://example.com:0/hook|url's port must be 1..65535",
        "ftp://example.com/|url must be an http or https URL", "http://user@example.com/|url must not carry a user or password",
        "http:///hook|url must name a host", "http://example.com/#part|url must not have a fragment"})
    void shouldRefuseAUrlOfTheWrongForm(final String url, final String why)
    {
        assertEquals(why, TargetAddresses.checkForm(URI.create(url)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://example.com/hook", "https://example.com:1/", "https://example.com:65535/h?q=1", "http://[2001:4860::1]:8443/"})
    void shouldAcceptAUrlOfTheRightForm(final String url)
    {
        assertNull(TargetAddresses.checkForm(URI.create(url)));
    }

    /**
     * A literal as an address, without any lookup. The JDK turns an IPv4-mapped literal into its IPv4 address; it is
     * kept IPv6 here, as a resolver may hand it over (and as {@link Inet6Address#getByAddress} makes it), so that form's
     * own check is what is tested.
     */
    private static InetAddress address(final String literal) throws UnknownHostException
    {
        final InetAddress parsed = InetAddress.getByName(literal);
        if (literal.indexOf(':') < 0 || !(parsed instanceof Inet4Address))
        {
            return parsed;
        }
        final byte[] mapped = new byte[16];
        mapped[10] = (byte)0xff;
        mapped[11] = (byte)0xff;
        System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
        return Inet6Address.getByAddress(null, mapped, -1);
    }
}
