package io.ordergate.gateway.webhooksout;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ordergate.gateway.core.DaemonThreads;

/**
 * Looks up receivers' hosts on threads of its own ({@code og-webhook-dns-*}), not on the sender's workers: the JDK's
 * lookup blocks, and a slow resolver would otherwise hold every worker and so every webhook. A host asked for again
 * while its lookup runs shares that lookup, so one slow name holds one lookup thread, not all of them; whoever asks
 * waits at most {@code timeoutSeconds} and is then told the host did not resolve in time (the lookup itself runs on,
 * its answer lands in the JDK's address cache). Thread safe.
 */
final class HostResolver implements AutoCloseable
{
    /** How a host is looked up: the JDK's resolver, or a test's. */
    @FunctionalInterface
    interface Lookup
    {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    static final int THREADS = 4;

    private final Lookup lookup;
    private final long timeoutSeconds;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, DaemonThreads.numbered("og-webhook-dns-"));
    private final Map<String, CompletableFuture<InetAddress[]>> running = new ConcurrentHashMap<>();

    HostResolver(final Lookup lookup, final long timeoutSeconds)
    {
        this.lookup = lookup;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Completes with null when the URL's host may be posted to, else with why not ({@link TargetAddresses}); never exceptionally. */
    CompletableFuture<String> check(final URI url, final boolean allowPrivate)
    {
        final String host = url.getHost();
        final CompletableFuture<InetAddress[]> shared = running.computeIfAbsent(host, name -> CompletableFuture.supplyAsync(() -> resolve(name), threads));
        shared.whenComplete((addresses, failure) -> running.remove(host, shared));
        return shared.copy().orTimeout(timeoutSeconds, TimeUnit.SECONDS).handle((addresses, failure) ->
        {
            if (failure == null)
            {
                return TargetAddresses.checkResolved(addresses, allowPrivate);
            }
            final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return cause instanceof TimeoutException ? "url's host did not resolve within " + timeoutSeconds + " s" : "url's host does not resolve";
        });
    }

    private InetAddress[] resolve(final String host)
    {
        try
        {
            return lookup.all(host);
        }
        catch (final UnknownHostException ex)
        {
            throw new CompletionException(ex);
        }
    }

    @Override
    public void close()
    {
        threads.shutdownNow();
    }
}
