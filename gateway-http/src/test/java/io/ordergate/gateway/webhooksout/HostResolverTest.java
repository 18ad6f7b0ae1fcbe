package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Receivers' hosts are looked up on the resolver's own threads: a name whose resolver hangs holds one of them (its
 * askers share the one lookup) and is answered "did not resolve within" at the timeout; other names resolve meanwhile.
 */
class HostResolverTest
{
    @Test
    void aHangingLookupTimesOutWithItsReasonWhileOtherHostsResolveAndItsAskersShareOneLookup() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger slowLookups = new AtomicInteger();
        final HostResolver.Lookup lookup = host ->
        {
            if (host.equals("slow.example"))
            {
                slowLookups.incrementAndGet();
                awaitQuietly(release);
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte)184, (byte)216, 34})};
            }
            if (host.equals("private.example"))
            {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})};
            }
            throw new UnknownHostException(host);
        };
        try (HostResolver resolver = new HostResolver(lookup, 1))
        {
            final CompletableFuture<String> slow = new CompletableFuture<>();
            final CompletableFuture<String> slowToo = new CompletableFuture<>();
            for (int i = 0; i < HostResolver.THREADS * 2; i++)
            {
                resolver.check(URI.create("https://slow.example/hook"), false).thenAccept(i == 0 ? slow::complete : slowToo::complete);
            }
            assertEquals("url resolves to a loopback or private address (allowed only with webhooks.allow_private_targets)",
                resolver.check(URI.create("https://private.example/hook"), false).get(500, TimeUnit.MILLISECONDS), "not held up by the slow name");
            assertNull(resolver.check(URI.create("https://private.example/hook"), true).get(500, TimeUnit.MILLISECONDS));
            assertEquals("url's host does not resolve", resolver.check(URI.create("https://nowhere.example/"), false).get(500, TimeUnit.MILLISECONDS));
            assertEquals("url's host did not resolve within 1 s", slow.get(3, TimeUnit.SECONDS));
            assertEquals("url's host did not resolve within 1 s", slowToo.get(3, TimeUnit.SECONDS));
            assertEquals(1, slowLookups.get(), "one lookup for every asker of the same host");
            release.countDown();
            assertTrue(resolver.check(URI.create("https://slow.example/hook"), false).get(3, TimeUnit.SECONDS) == null, "public, once it answers");
        }
    }

    @Test
    void aLookupStillQueuedWhenItsAskersTimeOutIsNeverMadeSoSlowNamesHoldOnlyTheThreadsTheyHave() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger queuedLookups = new AtomicInteger();
        final HostResolver.Lookup lookup = host ->
        {
            if (host.startsWith("slow"))
            {
                awaitQuietly(release);
            }
            else
            {
                queuedLookups.incrementAndGet();
            }
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte)184, (byte)216, 34})};
        };
        try (HostResolver resolver = new HostResolver(lookup, 1))
        {
            for (int i = 0; i < HostResolver.THREADS; i++)
            {
                resolver.check(URI.create("https://slow" + i + ".example/hook"), false);  // every lookup thread held
            }
            assertEquals("url's host did not resolve within 1 s",
                resolver.check(URI.create("https://queued.example/hook"), false).get(3, TimeUnit.SECONDS));
            release.countDown();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (resolver.lookupsPending() > 0 && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertEquals(0, resolver.lookupsPending(), "every lookup answered or dropped");
            assertEquals(0, queuedLookups.get(), "the queued lookup nobody waited for any more was not made");
            assertNull(resolver.check(URI.create("https://queued.example/hook"), false).get(3, TimeUnit.SECONDS), "asked again: looked up");
            assertEquals(1, queuedLookups.get());
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
