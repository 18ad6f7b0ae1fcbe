package io.ordergate.exchange.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueAnswer.Outcome;
import io.ordergate.exchange.spi.VenueRequest;

/**
 * One exchange account's REST client: signs each request at the exchange's time (the offset kept from its time
 * route), lets it leave only when the {@link RateGovernor} admits it, and classifies every answer through the
 * dialect. A timeout or an I/O failure is {@code UNKNOWN}; a {@code -1021} resynchronises the clock and is sent
 * once more (the exchange executed nothing). All I/O is asynchronous on the connector's own threads; nothing here
 * blocks a caller. Thread safe.
 */
public final class ExchangeClient
{
    private static final Logger LOG = Logger.getLogger(ExchangeClient.class.getName());

    private final ExchangeDialect dialect;
    private final URI restBase;
    private final Supplier<Credentials> credentials;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final RateGovernor governor;
    private volatile long clockOffsetMillis;

    public ExchangeClient(final ExchangeDialect dialect, final URI restBase, final Supplier<Credentials> credentials, final Duration timeout,
        final ScheduledExecutorService scheduler)
    {
        this.dialect = dialect;
        this.restBase = restBase;
        this.credentials = credentials;
        this.timeout = timeout;
        this.scheduler = scheduler;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).executor(scheduler).build();
        this.governor = new RateGovernor(dialect.weightLimit(), dialect.orderLimit(), dialect.orderWindowMillis());
    }

    public ExchangeDialect dialect()
    {
        return dialect;
    }

    public RateGovernor governor()
    {
        return governor;
    }

    public long clockOffsetMillis()
    {
        return clockOffsetMillis;
    }

    /** The exchange's time now, by the offset last measured. */
    public long exchangeNow()
    {
        return System.currentTimeMillis() + clockOffsetMillis;
    }

    /** Measures the offset to the exchange's clock: its time minus the midpoint of our send and receive. */
    public CompletableFuture<Long> syncClock()
    {
        final long sent = System.currentTimeMillis();
        return send(dialect.serverTime(), false).thenApply(answer ->
        {
            if (answer.ok())
            {
                final long received = System.currentTimeMillis();
                clockOffsetMillis = dialect.serverMillis(answer.text()) - (sent + received) / 2;
            }
            return clockOffsetMillis;
        });
    }

    /** Reads the exchange's published limits into the governor (the dialect's defaults stand until then). */
    public CompletableFuture<Void> syncLimits()
    {
        return send(dialect.limits()).thenAccept(answer ->
        {
            final int[] limits = answer.ok() ? dialect.readLimits(answer.text()) : null;
            if (limits != null)
            {
                governor.limits(limits[0], limits[1]);
            }
        });
    }

    /** Sends a request when the governor admits it; the future completes with the classified answer, never exceptionally. */
    public CompletableFuture<VenueAnswer> send(final VenueRequest request)
    {
        return send(request, true);
    }

    private CompletableFuture<VenueAnswer> send(final VenueRequest request, final boolean mayResync)
    {
        final long wait = governor.admit(request.weight(), request.placesOrder(), System.currentTimeMillis());
        if (wait < 0)
        {
            final long until = governor.bannedUntil(System.currentTimeMillis());
            return CompletableFuture.completedFuture(VenueAnswer.of(Outcome.BANNED, "the exchange's ban is in force", null,
                Math.max(1, until - System.currentTimeMillis())));
        }
        if (wait > 0)
        {
            final CompletableFuture<VenueAnswer> later = new CompletableFuture<>();
            scheduler.schedule(() -> send(request, mayResync).whenComplete((a, e) -> later.complete(a)), wait, TimeUnit.MILLISECONDS);
            return later;
        }
        final java.net.http.HttpRequest http;
        try
        {
            http = dialect.toHttp(restBase, request, credentials.get(), exchangeNow()).timeout(timeout).build();
        }
        catch (final RuntimeException ex)
        {
            return CompletableFuture.completedFuture(VenueAnswer.of(Outcome.AUTH_FAILED, "cannot sign: " + ex.getMessage(), null, 0));
        }
        return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofString()).handle((response, failure) ->
        {
            if (failure != null)
            {
                LOG.fine(() -> dialect.name() + " " + request.kind() + ": no answer (" + failure + ")");
                return VenueAnswer.unknown(failure instanceof IOException || failure.getCause() instanceof IOException
                    ? "no answer: " + failure.getClass().getSimpleName() : "failed: " + failure);
            }
            final long now = System.currentTimeMillis();
            governor.observed(dialect.usedWeight(response.headers()), dialect.orderCount(response.headers()), now);
            final VenueAnswer answer = dialect.read(request, response.statusCode(), response.headers(), response.body());
            if (answer.outcome() == Outcome.RATE_LIMITED)
            {
                governor.rateLimited(answer.retryAfterMillis(), now);
            }
            else if (answer.outcome() == Outcome.BANNED)
            {
                governor.banned(answer.retryAfterMillis(), now);
            }
            return answer;
        }).thenCompose(answer ->
        {
            if (answer.outcome() == Outcome.CLOCK_SKEW && mayResync)
            {
                return syncClock().thenCompose(offset -> send(request, false));
            }
            return CompletableFuture.completedFuture(answer);
        });
    }
}
