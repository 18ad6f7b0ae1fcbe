package io.ordergate.gateway.webhooksout;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ordergate.gateway.core.DaemonThreads;

/**
 * Looks up receivers' hosts on threads of its own ({@code og-webhook-dns-*}), not on the sender's workers: the JDK's
 * lookup blocks, and a slow resolver would otherwise hold every worker and so every webhook. A host asked for again
 * while its lookup runs shares that lookup, so one slow name holds one lookup thread, not all of them; whoever asks
 * waits at most {@code timeoutSeconds} and is then told the host did not resolve in time (the lookup itself runs on:
 * the JDK's lookup cannot be interrupted; at most {@link #THREADS} are held so, and a lookup still queued when its
 * askers' time ran out is never made). The addresses checked are the only ones connected to ({@link WebhookPoster}). Thread safe.
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
    private final Map<String, SharedLookup> running = new ConcurrentHashMap<>();

    HostResolver(final Lookup lookup, final long timeoutSeconds)
    {
        this.lookup = lookup;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** A host's lookup, checked: every address it has, to connect to in turn, or why none may be (then {@code addresses} is empty). */
    record Checked(List<InetAddress> addresses, String refusal)
    {
    }

    /** Completes with null when the URL's host may be posted to, else with why not ({@link TargetAddresses}); never exceptionally. */
    CompletableFuture<String> check(final URI url, final boolean allowPrivate)
    {
        return resolve(url, allowPrivate).thenApply(Checked::refusal);
    }

    /**
     * Looks the URL's host up and checks every address it has; completes with all of them, in the lookup's order, to
     * connect to in turn (the sender connects only to these, never to a second lookup's answer, so one address down does
     * not fail every attempt while another answers), else with why not. Never exceptionally.
     */
    CompletableFuture<Checked> resolve(final URI url, final boolean allowPrivate)
    {
        final String host = url.getHost();
        final SharedLookup shared = running.computeIfAbsent(host, this::startLookup);
        shared.lastAskedNanos = System.nanoTime();
        shared.answer.whenComplete((addresses, failure) -> running.remove(host, shared));
        return shared.answer.copy().orTimeout(timeoutSeconds, TimeUnit.SECONDS).handle((addresses, failure) ->
        {
            if (failure == null)
            {
                final String refusal = addresses.length == 0 ? "url's host does not resolve" : TargetAddresses.checkResolved(addresses, allowPrivate);
                return new Checked(refusal == null ? List.of(addresses) : List.of(), refusal);
            }
            final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            return new Checked(List.of(), cause instanceof TimeoutException
                ? "url's host did not resolve within " + timeoutSeconds + " s" : "url's host does not resolve");
        });
    }

    /** Lookups asked for and not answered yet (running or queued for a thread). */
    int lookupsPending()
    {
        return running.size();
    }

    private SharedLookup startLookup(final String host)
    {
        final SharedLookup shared = new SharedLookup();
        try
        {
            threads.execute(() -> lookUp(host, shared));
        }
        catch (final RejectedExecutionException closed)
        {
            shared.answer.completeExceptionally(closed);
        }
        return shared;
    }

    /**
     * A lookup's turn on a thread. One whose every asker's time ran out while it waited for a thread is not made: they
     * were answered "did not resolve within" already, so while slow names hold every thread, the lookups queued behind
     * them cost nothing when their turn comes, instead of each holding a thread for an answer nobody waits for.
     */
    private void lookUp(final String host, final SharedLookup shared)
    {
        if (System.nanoTime() - shared.lastAskedNanos > TimeUnit.SECONDS.toNanos(timeoutSeconds))
        {
            shared.answer.completeExceptionally(new TimeoutException(host));
            return;
        }
        try
        {
            shared.answer.complete(lookup.all(host));
        }
        catch (final UnknownHostException | RuntimeException ex)
        {
            shared.answer.completeExceptionally(ex);
        }
    }

    /** One host's lookup, shared by everyone who asks while it runs or waits. */
    private static final class SharedLookup
    {
        final CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
        /** When its latest asker asked: the lookup is made only if that asker still waits. */
        volatile long lastAskedNanos = System.nanoTime();
    }

    @Override
    public void close()
    {
        threads.shutdownNow();
    }
}
