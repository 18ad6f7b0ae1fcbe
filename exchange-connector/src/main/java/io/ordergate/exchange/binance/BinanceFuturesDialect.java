package io.ordergate.exchange.binance;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Binance's USDⓈ-M futures dialect, for an exchange account whose {@code market_type} is {@code futures}: orders on
 * {@code /fapi/v1/order} (with {@code positionSide} in hedge mode and {@code reduceOnly} on a one-way close), balances
 * from {@code /fapi/v3/account} (with unrealized profit and margin balance), positions from
 * {@code /fapi/v2/positionRisk}, the futures listen key ({@code /fapi/v1/listenKey}) and its stream's
 * {@code ORDER_TRADE_UPDATE} and {@code ACCOUNT_UPDATE}; everything on the futures API's address. Signing, client order
 * ids, error codes and rate headers are spot's ({@link BinanceDialect}). Stateless: safe from any thread.
 */
public final class BinanceFuturesDialect implements ExchangeDialect
{
    private final BinanceDialect spot = new BinanceDialect();

    @Override
    public String name()
    {
        return BinanceDialect.NAME;
    }

    @Override
    public String clientOrderId(final String namespace, final long orderId, final long startEpoch)
    {
        return BinanceDialect.derivedId(namespace, orderId, startEpoch);
    }

    @Override
    public VenueRequest serverTime()
    {
        return new VenueRequest(Kind.SERVER_TIME, Api.FUTURES, "GET", "/fapi/v1/time", Map.of(), false, 1, false);
    }

    @Override
    public VenueRequest limits()
    {
        return new VenueRequest(Kind.SETTING, Api.FUTURES, "GET", "/fapi/v1/exchangeInfo", Map.of(), false, 1, false);
    }

    @Override
    public int[] readLimits(final String body)
    {
        return BinanceAnswers.limits(body);
    }

    /** MARKET; LIMIT with its time in force; STOP as STOP_MARKET (GTC) or a STOP limit at the trigger (IOC, FOK). */
    @Override
    public VenueRequest placeOrder(final OrderTicket ticket)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", ticket.symbol());
        p.put("side", ticket.side());
        if (ticket.positionSide() != null)
        {
            p.put("positionSide", ticket.positionSide());
        }
        switch (ticket.type())
        {
            case "MARKET":
                p.put("type", "MARKET");
                break;
            case "LIMIT":
                p.put("type", "LIMIT");
                p.put("timeInForce", ticket.timeInForce());
                p.put("price", BinanceDialect.plain(ticket.price()));
                break;
            case "STOP":
                if ("GTC".equals(ticket.timeInForce()))
                {
                    p.put("type", "STOP_MARKET");
                }
                else
                {
                    p.put("type", "STOP");
                    p.put("timeInForce", ticket.timeInForce());
                    p.put("price", BinanceDialect.plain(ticket.price()));
                }
                p.put("stopPrice", BinanceDialect.plain(ticket.price()));
                break;
            default:
                throw new IllegalArgumentException("order type " + ticket.type());
        }
        p.put("quantity", BinanceDialect.plain(ticket.quantity()));
        if (ticket.positionSide() == null && ticket.reduceOnly())
        {
            p.put("reduceOnly", "true");  // one-way mode only: in hedge mode the exchange refuses it (-1106)
        }
        p.put("newClientOrderId", ticket.clientOrderId());
        p.put("newOrderRespType", "RESULT");
        return new VenueRequest(Kind.PLACE_ORDER, Api.FUTURES, "POST", "/fapi/v1/order", p, true, 1, true);
    }

    @Override
    public VenueRequest queryOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.QUERY_ORDER, Api.FUTURES, "GET", "/fapi/v1/order", byClientId(symbol, clientOrderId), true, 1, false);
    }

    @Override
    public VenueRequest cancelOrder(final String symbol, final String clientOrderId)
    {
        return new VenueRequest(Kind.CANCEL_ORDER, Api.FUTURES, "DELETE", "/fapi/v1/order", byClientId(symbol, clientOrderId), true, 1, false);
    }

    private static Map<String, String> byClientId(final String symbol, final String clientOrderId)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("origClientOrderId", clientOrderId);
        return p;
    }

    @Override
    public VenueRequest balances()
    {
        // the account route, not /fapi/v2/balance: it tells each asset's unrealized profit and margin balance too
        return new VenueRequest(Kind.BALANCES, Api.FUTURES, "GET", "/fapi/v3/account", Map.of(), true, 5, false);
    }

    @Override
    public VenueRequest positions()
    {
        return new VenueRequest(Kind.POSITIONS, Api.FUTURES, "GET", "/fapi/v2/positionRisk", Map.of(), true, 5, false);
    }

    @Override
    public VenueRequest openUserStream()
    {
        return new VenueRequest(Kind.OPEN_USER_STREAM, Api.FUTURES, "POST", "/fapi/v1/listenKey", Map.of(), false, 1, false);
    }

    /** The futures key is the account's one: PUT and DELETE name none. */
    @Override
    public VenueRequest keepUserStreamAlive(final String token)
    {
        return new VenueRequest(Kind.KEEP_USER_STREAM, Api.FUTURES, "PUT", "/fapi/v1/listenKey", Map.of(), false, 1, false);
    }

    @Override
    public VenueRequest closeUserStream(final String token)
    {
        return new VenueRequest(Kind.CLOSE_USER_STREAM, Api.FUTURES, "DELETE", "/fapi/v1/listenKey", Map.of(), false, 1, false);
    }

    @Override
    public Map<String, SymbolRules> readSymbolRules(final String body)
    {
        return BinanceAnswers.symbolRules(body);
    }

    @Override
    public VenueRequest setPositionMode(final FuturesSettings.PositionMode mode)
    {
        return spot.setPositionMode(mode);
    }

    @Override
    public VenueRequest setMarginType(final String symbol, final FuturesSettings.MarginType type)
    {
        return spot.setMarginType(symbol, type);
    }

    @Override
    public VenueRequest setLeverage(final String symbol, final int leverage)
    {
        return spot.setLeverage(symbol, leverage);
    }

    @Override
    public VenueRequest leverageBrackets(final String symbol)
    {
        return spot.leverageBrackets(symbol);
    }

    @Override
    public int readMaxLeverage(final String symbol, final String body)
    {
        return BinanceFuturesAnswers.maxLeverage(symbol, body);
    }

    @Override
    public Api streamApi()
    {
        return Api.FUTURES;
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
        return BinanceDialect.signedHttp(base, request, credentials, exchangeMillis, recvWindowMillis);
    }

    @Override
    public VenueAnswer read(final VenueRequest request, final int status, final HttpHeaders headers, final String body)
    {
        return BinanceFuturesAnswers.read(request, status, headers, body);
    }

    @Override
    public long serverMillis(final String body)
    {
        return BinanceAnswers.serverMillis(body);
    }

    @Override
    public List<StreamEvent> readStream(final String text)
    {
        return BinanceFuturesAnswers.stream(text);
    }

    @Override
    public int usedWeight(final HttpHeaders headers)
    {
        return spot.usedWeight(headers);
    }

    @Override
    public int orderCount(final HttpHeaders headers)
    {
        return spot.orderCount(headers);
    }

    /** USDⓈ-M futures' published limits: 2,400 weight a minute, 300 orders per 10 s (exchangeInfo's replace them). */
    @Override
    public int weightLimit()
    {
        return 2_400;
    }

    @Override
    public int orderLimit()
    {
        return 300;
    }

    @Override
    public long orderWindowMillis()
    {
        return 10_000;
    }
}
