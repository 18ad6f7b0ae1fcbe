package io.ordergate.exchange.binance;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ordergate.exchange.client.Hmac;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.exchange.spi.SymbolRules;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.exchange.spi.VenueRequest;
import io.ordergate.exchange.spi.VenueRequest.Api;
import io.ordergate.exchange.spi.VenueRequest.Kind;

/**
 * The Binance spot dialect (and the USDⓈ-M futures settings routes): HMAC-SHA256 over the query string and body
 * with {@code timestamp} and {@code recvWindow}, the key in {@code X-MBX-APIKEY}, the listen-key user-data stream,
 * the {@code X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-10S} headers, and Binance's error codes sorted into
 * what the connector does next. Stateless: safe from any thread.
 */
public final class BinanceDialect implements ExchangeDialect
{
    public static final String NAME = "binance";
    /** Binance's rule for client order ids: {@code ^[\.A-Z\:/a-z0-9_-]{1,36}$}. */
    static final int MAX_CLIENT_ORDER_ID = 36;

    @Override
    public String name()
    {
        return NAME;
    }

    /**
     * {@code og<namespace>-<orderId base 36>}, then {@code _<start epoch base 36>} for an order made in one: letters,
     * digits, one dash and one underscore, at most 36 characters.
     */
    @Override
    public String clientOrderId(final String namespace, final long orderId, final long startEpoch)
    {
        return derivedId(namespace, orderId, startEpoch);
    }

    /** The client order id rule, the same on spot and USDⓈ-M futures. */
    static String derivedId(final String namespace, final long orderId, final long startEpoch)
    {
        // the underscore cannot be part of the base-36 order id, so (order id, epoch) reads back one way only
        final String order = Long.toString(orderId, 36) + (startEpoch == 0 ? "" : "_" + Long.toString(startEpoch, 36));
        final String space = namespace.replaceAll("[^A-Za-z0-9]", "");
        final int room = MAX_CLIENT_ORDER_ID - 3 - order.length();
        return "og" + (space.length() > room ? space.substring(space.length() - room) : space) + "-" + order;
    }

    @Override
    public VenueRequest serverTime()
    {
        return new VenueRequest(Kind.SERVER_TIME, "GET", "/api/v3/time", Map.of(), false, 1, false);
    }

    @Override
    public VenueRequest limits()
    {
        return new VenueRequest(Kind.SETTING, "GET", "/api/v3/exchangeInfo", Map.of(), false, 20, false);
    }

    @Override
    public VenueRequest placeOrder(final OrderTicket ticket)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", ticket.symbol());
        p.put("side", ticket.side());
        switch (ticket.type())
        {
            case "MARKET":
                p.put("type", "MARKET");
                break;
            case "LIMIT":
                p.put("type", "LIMIT");
                p.put("timeInForce", ticket.timeInForce());
                p.put("price", plain(ticket.price()));
                break;
            case "STOP":
                // A stop-market order; with IOC/FOK a stop-limit at the trigger price, which takes a time in force.
                if ("GTC".equals(ticket.timeInForce()))
                {
                    p.put("type", "STOP_LOSS");
                }
                else
                {
                    p.put("type", "STOP_LOSS_LIMIT");
                    p.put("timeInForce", ticket.timeInForce());
                    p.put("price", plain(ticket.price()));
                }
                p.put("stopPrice", plain(ticket.price()));
                break;
            default:
                throw new IllegalArgumentException("order type " + ticket.type());
        }
        p.put("quantity", plain(ticket.quantity()));
        p.put("newClientOrderId", ticket.clientOrderId());
        p.put("newOrderRespType", "FULL");  // the fills' commissions, for the fill's fee
        return new VenueRequest(Kind.PLACE_ORDER, "POST", "/api/v3/order", p, true, 1, true);
    }

    @Override
    public VenueRequest queryOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.QUERY_ORDER, "GET", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId), true, 4, false);
    }

    /** {@code GET /api/v3/myTrades} for one order: weight 5 with {@code orderId} (20 without). */
    @Override
    public VenueRequest orderTrades(final String symbol, final String venueOrderId)
    {
        return new VenueRequest(Kind.ORDER_TRADES, "GET", "/api/v3/myTrades", Map.of("symbol", symbol, "orderId", venueOrderId), true, 5, false);
    }

    @Override
    public VenueRequest cancelOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.CANCEL_ORDER, "DELETE", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId), true, 1,
            false);
    }

    @Override
    public VenueRequest balances()
    {
        return new VenueRequest(Kind.BALANCES, "GET", "/api/v3/account", Map.of(), true, 20, false);
    }

    @Override
    public VenueRequest openUserStream()
    {
        return new VenueRequest(Kind.OPEN_USER_STREAM, "POST", "/api/v3/userDataStream", Map.of(), false, 2, false);
    }

    @Override
    public VenueRequest keepUserStreamAlive(final String token)
    {
        return new VenueRequest(Kind.KEEP_USER_STREAM, "PUT", "/api/v3/userDataStream", Map.of("listenKey", token), false, 2, false);
    }

    @Override
    public VenueRequest closeUserStream(final String token)
    {
        return new VenueRequest(Kind.CLOSE_USER_STREAM, "DELETE", "/api/v3/userDataStream", Map.of("listenKey", token), false, 2, false);
    }

    @Override
    public Map<String, SymbolRules> readSymbolRules(final String body)
    {
        return BinanceAnswers.symbolRules(body);
    }

    /** {@code POST /fapi/v1/positionSide/dual}: {@code dualSidePosition=true} is hedge mode. */
    @Override
    public VenueRequest setPositionMode(final FuturesSettings.PositionMode mode)
    {
        return new VenueRequest(Kind.FUTURES_SETTING, Api.FUTURES, "POST", "/fapi/v1/positionSide/dual",
            Map.of("dualSidePosition", Boolean.toString(mode == FuturesSettings.PositionMode.HEDGE)), true, 1, false);
    }

    /** {@code POST /fapi/v1/marginType}: {@code ISOLATED} or {@code CROSSED}. */
    @Override
    public VenueRequest setMarginType(final String symbol, final FuturesSettings.MarginType type)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("marginType", type.name());
        return new VenueRequest(Kind.FUTURES_SETTING, Api.FUTURES, "POST", "/fapi/v1/marginType", p, true, 1, false);
    }

    /** {@code POST /fapi/v1/leverage}: 1 to the symbol's bracket maximum (125 at most). */
    @Override
    public VenueRequest setLeverage(final String symbol, final int leverage)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("leverage", Integer.toString(leverage));
        return new VenueRequest(Kind.FUTURES_SETTING, Api.FUTURES, "POST", "/fapi/v1/leverage", p, true, 1, false);
    }

    /** {@code GET /fapi/v1/leverageBracket?symbol=}: weight 1, signed (the brackets may be the account's own). */
    @Override
    public VenueRequest leverageBrackets(final String symbol)
    {
        return new VenueRequest(Kind.LEVERAGE_BRACKETS, Api.FUTURES, "GET", "/fapi/v1/leverageBracket", Map.of("symbol", symbol), true, 1, false);
    }

    @Override
    public int readMaxLeverage(final String symbol, final String body)
    {
        return BinanceFuturesAnswers.maxLeverage(symbol, body);
    }

    @Override
    public URI userStreamUri(final URI streamBase, final String token)
    {
        return streamBase.resolve("/ws/" + token);
    }

    @Override
    public HttpRequest.Builder toHttp(final URI base, final VenueRequest request, final Credentials credentials, final long exchangeMillis,
        final long recvWindowMillis)
    {
        return signedHttp(base, request, credentials, exchangeMillis, recvWindowMillis);
    }

    /** Binance's signing, the same for spot and USDⓈ-M futures: HMAC-SHA256 hex over the query (the body for a signed POST). */
    static HttpRequest.Builder signedHttp(final URI base, final VenueRequest request, final Credentials credentials, final long exchangeMillis,
        final long recvWindowMillis)
    {
        final StringBuilder query = new StringBuilder();
        for (final Map.Entry<String, String> param : request.params().entrySet())
        {
            append(query, param.getKey(), param.getValue());
        }
        if (request.signed())
        {
            append(query, "recvWindow", Long.toString(recvWindowMillis));
            append(query, "timestamp", Long.toString(exchangeMillis));
            append(query, "signature", Hmac.sha256Hex(credentials.apiSecret(), query.toString()));
        }
        final boolean inBody = "POST".equals(request.method()) && request.signed();
        final URI uri = base.resolve(request.path() + (!inBody && query.length() > 0 ? "?" + query : ""));
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("X-MBX-APIKEY", credentials.apiKey());
        if (inBody)
        {
            builder.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(query.toString()));
        }
        else
        {
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder;
    }

    @Override
    public int[] readLimits(final String body)
    {
        return BinanceAnswers.limits(body);
    }

    @Override
    public VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        return BinanceAnswers.read(request, status, headers, body);
    }

    @Override
    public long serverMillis(final String body)
    {
        return BinanceAnswers.serverMillis(body);
    }

    @Override
    public List<StreamEvent> readStream(final String text)
    {
        return BinanceAnswers.stream(text);
    }

    @Override
    public int usedWeight(final HttpHeaders headers)
    {
        return (int)headers.firstValueAsLong("X-MBX-USED-WEIGHT-1M").orElse(-1);
    }

    @Override
    public int orderCount(final HttpHeaders headers)
    {
        return (int)headers.firstValueAsLong("X-MBX-ORDER-COUNT-10S").orElse(-1);
    }

    @Override
    public int weightLimit()
    {
        return 6_000;
    }

    @Override
    public int orderLimit()
    {
        return 100;
    }

    @Override
    public long orderWindowMillis()
    {
        return 10_000;
    }

    static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void append(final StringBuilder query, final String name, final String value)
    {
        if (query.length() > 0)
        {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** For log lines: the request without its signature. */
    static String describe(final VenueRequest request)
    {
        return request.method().toUpperCase(Locale.ROOT) + " " + request.path();
    }
}
