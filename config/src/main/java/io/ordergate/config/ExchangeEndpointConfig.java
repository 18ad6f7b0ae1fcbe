package io.ordergate.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an exchange venue's accounts connect and how patient they are ({@code exchanges.<venue>} in the YAML, and the
 * per-account overrides in {@code exchanges.accounts}): the spot REST API, the USDⓈ-M futures REST API and the
 * user-data stream, each for live accounts and for accounts with {@code testnet: true}; the request timeout, the
 * signed requests' {@code recvWindow}, and how long "no such order" right after sending means "not yet known".
 * Immutable: safe from any thread.
 */
public final class ExchangeEndpointConfig
{
    public static final int TIMEOUT_MILLIS_DEFAULT = 5_000;
    public static final int RECV_WINDOW_MILLIS_DEFAULT = 5_000;
    /** Binance refuses a recvWindow above 60 s. */
    public static final int RECV_WINDOW_MILLIS_MAX = 60_000;
    public static final int NOT_FOUND_GRACE_MILLIS_DEFAULT = 15_000;
    /**
     * A futures account's balances (wallet, unrealized profit, margin balance) are read again this often: its user-data
     * stream reports them when the account changes, not when the mark price moves the unrealized profit.
     */
    public static final int BALANCE_REFRESH_SECONDS_DEFAULT = 30;
    /**
     * A user-data socket that said nothing (no event, no ping, no pong to the pings sent every third of this) for this
     * long is replaced, and the replacement reconciles: a connection lost without a close, or a stream the exchange ended.
     */
    public static final int STREAM_IDLE_MILLIS_DEFAULT = 60_000;

    /** Binance's own addresses (its documentation: spot, USDⓈ-M futures, and their testnets). */
    static final ExchangeEndpointConfig BINANCE_DEFAULTS = new ExchangeEndpointConfig(
        URI.create("https://api.binance.com"), URI.create("https://fapi.binance.com"), URI.create("wss://stream.binance.com:9443"),
        URI.create("https://testnet.binance.vision"), URI.create("https://testnet.binancefuture.com"),
        URI.create("wss://stream.testnet.binance.vision"), URI.create("wss://fstream.binance.com"), URI.create("wss://stream.binancefuture.com"),
        TIMEOUT_MILLIS_DEFAULT, RECV_WINDOW_MILLIS_DEFAULT, NOT_FOUND_GRACE_MILLIS_DEFAULT, BALANCE_REFRESH_SECONDS_DEFAULT,
        STREAM_IDLE_MILLIS_DEFAULT);

    /**
     * OKX's own addresses (its v5 documentation): REST at www.okx.com, the private WebSocket at ws.okx.com:8443
     * ({@code /ws/v5/private}); its demo trading's private WebSocket at wspap.okx.com:8443. OKX has no futures addresses of
     * its own here: an okx account trades spot.
     */
    static final ExchangeEndpointConfig OKX_DEFAULTS = new ExchangeEndpointConfig(
        URI.create("https://www.okx.com"), URI.create("https://www.okx.com"), URI.create("wss://ws.okx.com:8443"),
        URI.create("https://www.okx.com"), URI.create("https://www.okx.com"), URI.create("wss://wspap.okx.com:8443"),
        URI.create("wss://ws.okx.com:8443"), URI.create("wss://wspap.okx.com:8443"),
        TIMEOUT_MILLIS_DEFAULT, RECV_WINDOW_MILLIS_DEFAULT, NOT_FOUND_GRACE_MILLIS_DEFAULT, BALANCE_REFRESH_SECONDS_DEFAULT,
        STREAM_IDLE_MILLIS_DEFAULT);

    private final URI restUrl;
    private final URI futuresRestUrl;
    private final URI streamUrl;
    private final URI testnetRestUrl;
    private final URI testnetFuturesRestUrl;
    private final URI testnetStreamUrl;
    private final URI futuresStreamUrl;
    private final URI testnetFuturesStreamUrl;
    private final int timeoutMillis;
    private final int recvWindowMillis;
    private final int notFoundGraceMillis;
    private final int balanceRefreshSeconds;
    private final int streamIdleMillis;

    ExchangeEndpointConfig(final URI restUrl, final URI futuresRestUrl, final URI streamUrl, final URI testnetRestUrl,
        final URI testnetFuturesRestUrl, final URI testnetStreamUrl, final URI futuresStreamUrl, final URI testnetFuturesStreamUrl,
        final int timeoutMillis, final int recvWindowMillis, final int notFoundGraceMillis, final int balanceRefreshSeconds, final int streamIdleMillis)
    {
        this.streamIdleMillis = streamIdleMillis;
        this.balanceRefreshSeconds = balanceRefreshSeconds;
        this.futuresStreamUrl = futuresStreamUrl;
        this.testnetFuturesStreamUrl = testnetFuturesStreamUrl;
        this.restUrl = restUrl;
        this.futuresRestUrl = futuresRestUrl;
        this.streamUrl = streamUrl;
        this.testnetRestUrl = testnetRestUrl;
        this.testnetFuturesRestUrl = testnetFuturesRestUrl;
        this.testnetStreamUrl = testnetStreamUrl;
        this.timeoutMillis = timeoutMillis;
        this.recvWindowMillis = recvWindowMillis;
        this.notFoundGraceMillis = notFoundGraceMillis;
    }

    /** Reads the keys a section sets over {@code defaults}; the caller finishes the section. */
    static ExchangeEndpointConfig read(final YamlSection s, final ExchangeEndpointConfig defaults)
    {
        return new ExchangeEndpointConfig(
            url(s, "rest_url", defaults.restUrl, "http"),
            url(s, "futures_rest_url", defaults.futuresRestUrl, "http"),
            url(s, "stream_url", defaults.streamUrl, "ws"),
            url(s, "testnet_rest_url", defaults.testnetRestUrl, "http"),
            url(s, "testnet_futures_rest_url", defaults.testnetFuturesRestUrl, "http"),
            url(s, "testnet_stream_url", defaults.testnetStreamUrl, "ws"),
            url(s, "futures_stream_url", defaults.futuresStreamUrl, "ws"),
            url(s, "testnet_futures_stream_url", defaults.testnetFuturesStreamUrl, "ws"),
            s.intValue("timeout_millis", defaults.timeoutMillis, 100, 600_000),
            s.intValue("recv_window_millis", defaults.recvWindowMillis, 1, RECV_WINDOW_MILLIS_MAX),
            s.intValue("not_found_grace_millis", defaults.notFoundGraceMillis, 0, 3_600_000),
            s.intValue("balance_refresh_seconds", defaults.balanceRefreshSeconds, 0, 86_400),
            s.intValue("stream_idle_millis", defaults.streamIdleMillis, 1_000, 3_600_000));
    }

    /** An absolute http(s) or ws(s) address with a host and no query. */
    private static URI url(final YamlSection s, final String key, final URI fallback, final String scheme)
    {
        final String text = s.string(key, null);
        if (text == null)
        {
            return fallback;
        }
        try
        {
            final URI uri = new URI(text);
            final String given = uri.getScheme() == null ? "" : uri.getScheme();
            if (!(given.equals(scheme) || given.equals(scheme + "s")) || uri.getHost() == null || uri.getRawQuery() != null)
            {
                throw new URISyntaxException(text, "not an absolute " + scheme + "(s) address");
            }
            return uri;
        }
        catch (final URISyntaxException ex)
        {
            throw new ConfigException(s.pathOf(key), "must be an absolute " + scheme + ":// or " + scheme + "s:// address with a host, was \""
                + text + "\"");
        }
    }

    /**
     * A copy whose every address (live and testnet) is one simulated exchange's: its REST address serves spot and
     * futures, its WebSocket address the user-data streams. Timeout and windows stay.
     */
    public ExchangeEndpointConfig pointedAt(final URI rest, final URI stream)
    {
        return new ExchangeEndpointConfig(rest, rest, stream, rest, rest, stream, stream, stream, timeoutMillis, recvWindowMillis,
            notFoundGraceMillis, balanceRefreshSeconds, streamIdleMillis);
    }

    /** The spot REST API for live ({@code testnet} false) or testnet accounts. */
    public URI restUrl(final boolean testnet)
    {
        return testnet ? testnetRestUrl : restUrl;
    }

    public URI futuresRestUrl(final boolean testnet)
    {
        return testnet ? testnetFuturesRestUrl : futuresRestUrl;
    }

    public URI streamUrl(final boolean testnet)
    {
        return testnet ? testnetStreamUrl : streamUrl;
    }

    /** The USDⓈ-M futures user-data stream (Binance: {@code wss://fstream.binance.com}) for live or testnet accounts. */
    public URI futuresStreamUrl(final boolean testnet)
    {
        return testnet ? testnetFuturesStreamUrl : futuresStreamUrl;
    }

    /** No answer by then: the order is {@code unknown} and is asked for. */
    public int timeoutMillis()
    {
        return timeoutMillis;
    }

    /** How long after its timestamp a signed request is valid at the exchange. */
    public int recvWindowMillis()
    {
        return recvWindowMillis;
    }

    /** How often a futures account's balances are read again (0: only at each (re)connect and sync-balance). */
    public int balanceRefreshSeconds()
    {
        return balanceRefreshSeconds;
    }

    /** A user-data socket silent this long is replaced (and the replacement reconciles). */
    public int streamIdleMillis()
    {
        return streamIdleMillis;
    }

    /** "No such order" this soon after an order became unknown means "not yet known". */
    public int notFoundGraceMillis()
    {
        return notFoundGraceMillis;
    }

    @Override
    public String toString()
    {
        return "{rest=" + restUrl + ", futures=" + futuresRestUrl + ", stream=" + streamUrl + ", testnet rest=" + testnetRestUrl
            + ", testnet futures=" + testnetFuturesRestUrl + ", testnet stream=" + testnetStreamUrl + ", futures stream=" + futuresStreamUrl
            + ", testnet futures stream=" + testnetFuturesStreamUrl + ", timeoutMillis=" + timeoutMillis
            + ", recvWindowMillis=" + recvWindowMillis + ", notFoundGraceMillis=" + notFoundGraceMillis
            + ", balanceRefreshSeconds=" + balanceRefreshSeconds + ", streamIdleMillis=" + streamIdleMillis + '}';
    }
}
