package io.ordergate.exchange.okx;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.exchange.client.Hmac;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.SocketLogin;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.SymbolRules;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueRequest;
import io.ordergate.exchange.spi.VenueRequest.Kind;

/**
 * The OKX v5 dialect, the second one (to prove the SPI): requests signed with {@code OK-ACCESS-SIGN} = base64
 * HMAC-SHA256 of timestamp + method + request path (with its query) + body, the key, the ISO timestamp and the
 * account's {@code passphrase} in {@code OK-ACCESS-*} headers; JSON bodies; instruments named {@code BTC-USDT};
 * {@code clOrdId} of up to 32 letters and digits; answers in {@code {"code", "msg", "data": [...]}} classified by
 * {@link OkxAnswers}. Its private WebSocket ({@code /ws/v5/private}) logs in by message ({@link OkxLogin}: the SPI's
 * {@link #socketLogin}), then subscribes to {@code orders} and {@code account}. Spot ({@code tdMode cash}) market and
 * limit orders; stops are OKX algo orders, not sent by this dialect. Stateless: safe from any thread.
 */
public final class OkxDialect implements ExchangeDialect
{
    public static final String NAME = "okx";
    static final int MAX_CLIENT_ORDER_ID = 32;
    /** Quote currencies OKX pairs are written with, longest first, to split {@code BTCUSDT} into {@code BTC-USDT}. */
    private static final List<String> QUOTES = List.of("USDT", "USDC", "BTC", "ETH", "EUR", "USD");
    /** OKX's REST timestamp: ISO 8601 with milliseconds always written ({@code Instant.toString} drops ".000"). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String name()
    {
        return NAME;
    }

    /**
     * {@code og<namespace>x<orderId base 36>}, then {@code E<start epoch base 36>} for an order made in one: letters and
     * digits only (OKX allows no dash), at most 32.
     */
    @Override
    public String clientOrderId(final String namespace, final long orderId, final long startEpoch)
    {
        // base 36 is lower case, so the upper-case 'E' cannot be part of the order id: (order id, epoch) reads back one way only
        final String order = Long.toString(orderId, 36) + (startEpoch == 0 ? "" : "E" + Long.toString(startEpoch, 36));
        final String space = namespace.replaceAll("[^A-Za-z0-9]", "");
        final int room = MAX_CLIENT_ORDER_ID - 3 - order.length();
        // a 'x' separates the two parts so that namespace and id cannot run into each other ambiguously
        return "og" + (space.length() > room ? space.substring(space.length() - room) : space) + "x" + order;
    }

    /** {@code BTCUSDT} as OKX names it, {@code BTC-USDT}; a name that already has a dash is kept. */
    static String instrument(final String symbol)
    {
        if (symbol.indexOf('-') >= 0)
        {
            return symbol;
        }
        for (final String quote : QUOTES)
        {
            if (symbol.endsWith(quote) && symbol.length() > quote.length())
            {
                return symbol.substring(0, symbol.length() - quote.length()) + "-" + quote;
            }
        }
        return symbol;
    }

    @Override
    public VenueRequest serverTime()
    {
        return new VenueRequest(Kind.SERVER_TIME, "GET", "/api/v5/public/time", Map.of(), false, 1, false);
    }

    @Override
    public VenueRequest limits()
    {
        return new VenueRequest(Kind.SETTING, "GET", "/api/v5/public/instruments", Map.of("instType", "SPOT"), false, 1, false);
    }

    @Override
    public int[] readLimits(final String body)
    {
        return null;  // OKX publishes its limits per endpoint in its documentation, not in an answer: the defaults stand
    }

    @Override
    public Map<String, SymbolRules> readSymbolRules(final String body)
    {
        return OkxAnswers.symbolRules(body);
    }

    @Override
    public VenueRequest placeOrder(final OrderTicket ticket)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("instId", instrument(ticket.symbol()));
        p.put("tdMode", "cash");
        p.put("clOrdId", ticket.clientOrderId());
        p.put("side", ticket.side().toLowerCase(java.util.Locale.ROOT));
        switch (ticket.type())
        {
            case "MARKET":
                p.put("ordType", "market");
                p.put("tgtCcy", "base_ccy");  // a market buy's size in the base currency, as every other order's
                break;
            case "LIMIT":
                p.put("ordType", "GTC".equals(ticket.timeInForce()) ? "limit" : ticket.timeInForce().toLowerCase(java.util.Locale.ROOT));
                p.put("px", ticket.price().stripTrailingZeros().toPlainString());
                break;
            default:
                throw new IllegalArgumentException("OKX orders of type " + ticket.type() + " are algo orders, not sent by this dialect");
        }
        p.put("sz", ticket.quantity().stripTrailingZeros().toPlainString());
        return new VenueRequest(Kind.PLACE_ORDER, "POST", "/api/v5/trade/order", p, true, 1, true);
    }

    @Override
    public VenueRequest queryOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.QUERY_ORDER, "GET", "/api/v5/trade/order", ordered("instId", instrument(symbol), "clOrdId", clientOrderId), true,
            1, false);
    }

    @Override
    public VenueRequest cancelOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.CANCEL_ORDER, "POST", "/api/v5/trade/cancel-order", ordered("instId", instrument(symbol), "clOrdId",
            clientOrderId), true, 1, false);
    }

    @Override
    public VenueRequest balances()
    {
        return new VenueRequest(Kind.BALANCES, "GET", "/api/v5/account/balance", Map.of(), true, 1, false);
    }

    /** OKX's private stream logs in over the socket itself ({@link #socketLogin}): there is no token to open. */
    @Override
    public VenueRequest openUserStream()
    {
        throw new UnsupportedOperationException("OKX's private WebSocket logs in with a message (socketLogin)");
    }

    @Override
    public SocketLogin socketLogin()
    {
        return OkxLogin.INSTANCE;
    }

    @Override
    public VenueRequest keepUserStreamAlive(final String token)
    {
        throw new UnsupportedOperationException("OKX has no stream token");
    }

    @Override
    public VenueRequest closeUserStream(final String token)
    {
        throw new UnsupportedOperationException("OKX has no stream token");
    }

    @Override
    public URI userStreamUri(final URI streamBase, final String token)
    {
        return streamBase.resolve("/ws/v5/private");
    }

    @Override
    public HttpRequest.Builder toHttp(final URI base, final VenueRequest request, final Credentials credentials, final long exchangeMillis,
        final long recvWindowMillis)
    {
        final boolean post = "POST".equals(request.method());
        final String query = post ? "" : query(request.params());
        final String path = request.path() + (query.isEmpty() ? "" : "?" + query);
        final String body = post ? OkxAnswers.json(request.params()) : "";
        final HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json");
        if (request.signed())
        {
            final String timestamp = timestamp(exchangeMillis);
            builder.header("OK-ACCESS-KEY", credentials.apiKey())
                .header("OK-ACCESS-SIGN", Hmac.sha256Base64(credentials.apiSecret(), timestamp + request.method() + path + body))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", credentials.passphrase() == null ? "" : credentials.passphrase())
                // OKX's own validity window: the request expires this long after its timestamp
                .header("expTime", Long.toString(exchangeMillis + recvWindowMillis));
        }
        return post ? builder.POST(HttpRequest.BodyPublishers.ofString(body)) : builder.GET();
    }

    /** OKX's demo trading: the live REST host, told by this header (a demo key without it is refused 50101). */
    @Override
    public HttpRequest.Builder forTestnet(final HttpRequest.Builder request)
    {
        return request.header("x-simulated-trading", "1");
    }

    /** A REST timestamp as OKX signs it: {@code 2026-12-01T10:00:00.000Z}. */
    static String timestamp(final long epochMillis)
    {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    @Override
    public VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        return OkxAnswers.read(request, status, headers, body);
    }

    @Override
    public long serverMillis(final String body)
    {
        return OkxAnswers.serverMillis(body);
    }

    @Override
    public List<StreamEvent> readStream(final String text)
    {
        return OkxAnswers.stream(text);
    }

    @Override
    public int usedWeight(final HttpHeaders headers)
    {
        return -1;
    }

    @Override
    public int orderCount(final HttpHeaders headers)
    {
        return -1;
    }

    /** OKX counts requests per endpoint; the governor is given the order endpoint's: 60 orders per 2 s. */
    @Override
    public int weightLimit()
    {
        return 1_200;
    }

    @Override
    public int orderLimit()
    {
        return 60;
    }

    @Override
    public long orderWindowMillis()
    {
        return 2_000;
    }

    private static Map<String, String> ordered(final String... pairs)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String query(final Map<String, String> params)
    {
        final StringBuilder query = new StringBuilder();
        for (final Map.Entry<String, String> param : params.entrySet())
        {
            query.append(query.length() == 0 ? "" : "&").append(param.getKey()).append('=')
                .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }
}
