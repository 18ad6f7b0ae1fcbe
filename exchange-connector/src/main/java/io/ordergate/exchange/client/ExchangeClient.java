package io.ordergate.exchange.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.SymbolRules;
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
    private final ExchangeEndpoint endpoint;
    private final Supplier<Credentials> credentials;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final RateGovernor governor;
    private volatile long clockOffsetMillis;
    private volatile Map<String, SymbolRules> symbolRules = Map.of();
    /** Each futures symbol's highest leverage for this account, as the exchange last told it ({@link #askMaxLeverage}). */
    private final Map<String, Integer> maxLeverage = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param http one HTTP client shared by every account of the connector (its connections are pooled per address; it
     *             runs on the connector's threads and lives as long as the connector)
     */
    public ExchangeClient(final ExchangeDialect dialect, final ExchangeEndpoint endpoint, final Supplier<Credentials> credentials,
        final HttpClient http, final ScheduledExecutorService scheduler)
    {
        this.dialect = dialect;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.scheduler = scheduler;
        this.http = http;
        this.governor = new RateGovernor(dialect.weightLimit(), dialect.orderLimit(), dialect.orderWindowMillis());
    }

    /** An HTTP client for the connector's accounts, on its threads (HTTP/1.1, as exchanges' REST APIs are served). */
    public static HttpClient newHttpClient(final ScheduledExecutorService executor)
    {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).executor(executor).build();
    }

    public ExchangeEndpoint endpoint()
    {
        return endpoint;
    }

    public HttpClient http()
    {
        return http;
    }

    /** This account is done with (removed, or the connector closes): nothing more is sent. */
    public void close()
    {
        closed = true;
    }

    public boolean closed()
    {
        return closed;
    }

    /** The trading steps the exchange published for each symbol, as read by the last {@link #syncLimits} (empty before). */
    public Map<String, SymbolRules> symbolRules()
    {
        return symbolRules;
    }

    /** The plain credentials for one signature (a stream's login message); never kept or logged. */
    Credentials credentials()
    {
        return credentials.get();
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

    /**
     * Measures the offset to the exchange's clock: its time minus our time when its answer arrived. The exchange
     * stamped its time somewhere between our send and that arrival, so the offset errs only towards "behind": the
     * exchange refuses a timestamp 1 s ahead of it but takes one up to {@code recvWindow} behind, and a slow answer on a
     * loaded machine must not make every later request fail.
     */
    public CompletableFuture<Long> syncClock()
    {
        return send(dialect.serverTime(), false).thenApply(answer ->
        {
            if (answer.ok())
            {
                clockOffsetMillis = dialect.serverMillis(answer.text()) - System.currentTimeMillis();
            }
            return clockOffsetMillis;
        });
    }

    /**
     * Reads the exchange's published limits into the governor (the dialect's defaults stand until then) and its symbols'
     * trading steps into {@link #symbolRules}; completes empty when the exchange answered, else with why not (the
     * answer's text: the exchange's refusal, or where the request went unanswered).
     */
    public CompletableFuture<Optional<String>> syncLimits()
    {
        return send(dialect.limits()).thenApply(answer ->
        {
            if (!answer.ok())
            {
                return Optional.of(answer.text());
            }
            final int[] limits = dialect.readLimits(answer.text());
            if (limits != null)
            {
                governor.limits(limits[0], limits[1]);
            }
            symbolRules = Map.copyOf(dialect.readSymbolRules(answer.text()));
            return Optional.empty();
        });
    }

    /** A futures symbol's highest leverage as the exchange last told it ({@link #askMaxLeverage}), or 0 when not told yet. */
    public int knownMaxLeverage(final String symbol)
    {
        return maxLeverage.getOrDefault(symbol, 0);
    }

    /**
     * Asks the exchange a futures symbol's highest leverage for this account (Binance: {@code GET /fapi/v1/leverageBracket},
     * weight 1) and keeps it for {@link #knownMaxLeverage}; completes with it, or with 0 when the dialect publishes none
     * or the exchange did not tell it (nothing is kept then). Never completes exceptionally.
     */
    public CompletableFuture<Integer> askMaxLeverage(final String symbol)
    {
        final VenueRequest request = dialect.leverageBrackets(symbol);
        if (request == null)
        {
            return CompletableFuture.completedFuture(0);
        }
        return send(request).thenApply(answer ->
        {
            final int max = answer.ok() ? dialect.readMaxLeverage(symbol, answer.text()) : 0;
            if (max > 0)
            {
                maxLeverage.put(symbol, max);
            }
            return max;
        });
    }

    /** Sends a request when the governor admits it; the future completes with the classified answer, never exceptionally. */
    public CompletableFuture<VenueAnswer> send(final VenueRequest request)
    {
        return send(request, true);
    }

    private CompletableFuture<VenueAnswer> send(final VenueRequest request, final boolean mayResync)
    {
        if (closed)
        {
            return CompletableFuture.completedFuture(VenueAnswer.of(Outcome.AUTH_FAILED, "the account's connection is closed", null, 0));
        }
        final long sentMillis = System.currentTimeMillis();
        final long wait = governor.admit(request.weight(), request.placesOrder(), sentMillis);
        if (wait < 0)
        {
            final long until = governor.bannedUntil(System.currentTimeMillis());
            return CompletableFuture.completedFuture(VenueAnswer.of(Outcome.BANNED, "the exchange's ban is in force", null,
                Math.max(1, until - System.currentTimeMillis())));
        }
        if (wait > 0)
        {
            final CompletableFuture<VenueAnswer> later = new CompletableFuture<>();
            scheduler.schedule(() -> send(request, mayResync).whenComplete((a, e) ->
                later.complete(e == null ? a : VenueAnswer.unknown("failed: " + e))), wait, TimeUnit.MILLISECONDS);
            return later;
        }
        final java.net.http.HttpRequest http;
        try
        {
            final java.net.http.HttpRequest.Builder builder =
                dialect.toHttp(endpoint.base(request.api()), request, credentials.get(), exchangeNow(), endpoint.recvWindowMillis());
            http = (endpoint.testnet() ? dialect.forTestnet(builder) : builder).timeout(endpoint.timeout()).build();
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
                return VenueAnswer.unknown(noAnswer(http.uri(), failure));
            }
            try
            {
                final long now = System.currentTimeMillis();
                governor.observed(dialect.usedWeight(response.headers()), dialect.orderCount(response.headers()), sentMillis, now);
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
            }
            catch (final RuntimeException unreadable)
            {
                // An answer this side cannot read (a header of a shape never seen) must not fail the future: every
                // caller's chain (the order's report, the stream's reconnection) hangs on it. Its effect is unknown.
                LOG.warning(() -> dialect.name() + " " + request.kind() + ": HTTP " + response.statusCode() + " unreadable: " + unreadable);
                return VenueAnswer.unknown("unreadable answer: HTTP " + response.statusCode());
            }
        }).thenCompose(answer ->
        {
            if (answer.outcome() == Outcome.CLOCK_SKEW && mayResync)
            {
                return syncClock().thenCompose(offset -> send(request, false));
            }
            return CompletableFuture.completedFuture(answer);
        });
    }

    /**
     * What an operator needs of a request that got no answer: which exchange host and why, unwrapped from the future's
     * CompletionException (whose own name said nothing: "no answer: CompletionException").
     */
    private static String noAnswer(final URI target, final Throwable failure)
    {
        final Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        final String message = cause.getMessage();
        final String why = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
        // Scheme and host only: the path's query carries the request's signature.
        final String where = target.getScheme() + "://" + target.getRawAuthority();
        return (cause instanceof IOException ? "no answer from " : "failed sending to ") + where + ": " + why;
    }
}
