package io.ordergate.simulators.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The USDⓈ-M futures trading routes: {@code /fapi/v1/order} (POST, GET, DELETE), {@code /fapi/v1/openOrders},
 * {@code /fapi/v2/balance}, {@code /fapi/v2/positionRisk}, {@code /fapi/v1/exchangeInfo} and the futures user-data
 * stream's {@code /fapi/v1/listenKey} (POST, PUT, DELETE: the key header only, as the exchange takes them). Faults that
 * strike after a placement (a 503 after which the order exists, no answer at all) strike here as on spot. Thread safe.
 */
final class FuturesTradeRoutes
{
    private final SpotMarket spot;
    private final FuturesMarket market;
    private final UserStreams streams;
    private final Faults faults;
    private final RateLimits limits;

    FuturesTradeRoutes(final SpotMarket spot, final FuturesMarket market, final UserStreams streams, final Faults faults, final RateLimits limits)
    {
        this.spot = spot;
        this.market = market;
        this.streams = streams;
        this.faults = faults;
        this.limits = limits;
    }

    /** The route for a futures trading method and path, or null. */
    static SpotRoutes.Route route(final String method, final String path, final Params params)
    {
        switch (method + " " + path)
        {
            case "POST /fapi/v1/order": return new SpotRoutes.Route(1, true, true);
            case "GET /fapi/v1/order":
            case "DELETE /fapi/v1/order":
            case "GET /fapi/v1/exchangeInfo":
            case "POST /fapi/v1/listenKey":
            case "PUT /fapi/v1/listenKey":
            case "DELETE /fapi/v1/listenKey": return new SpotRoutes.Route(1, path.endsWith("/order"), false);
            case "GET /fapi/v1/openOrders": return new SpotRoutes.Route(params.has("symbol") ? 1 : 40, true, false);
            case "GET /fapi/v2/balance":
            case "GET /fapi/v2/account":
            case "GET /fapi/v3/account":
            case "GET /fapi/v2/positionRisk": return new SpotRoutes.Route(5, true, false);
            default: return null;
        }
    }

    ExchangeAnswer answer(final String method, final String path, final Params params, final String apiKey, final SpotAccount account)
    {
        switch (method + " " + path)
        {
            case "POST /fapi/v1/order": return place(account, params);
            case "GET /fapi/v1/order":
                return ExchangeAnswer.ok(spot.read(() -> FuturesAnswers.order(market.find(account, params.mandatory("symbol"),
                    params.optionalLong("orderId", -1), params.originalClientOrderId()), true)));
            case "DELETE /fapi/v1/order":
                return ExchangeAnswer.ok(spot.read(() -> FuturesAnswers.order(market.cancel(account, params.mandatory("symbol"),
                    params.optionalLong("orderId", -1), params.originalClientOrderId()), false)));
            case "GET /fapi/v1/openOrders":
                return ExchangeAnswer.ok(spot.read(() ->
                {
                    final String symbol = params.optional("symbol");
                    if (symbol != null)
                    {
                        spot.rules(symbol);
                    }
                    final List<Object> open = new ArrayList<>();
                    market.openOrders(account, symbol).forEach(o -> open.add(FuturesAnswers.order(o, true)));
                    return open;
                }));
            case "GET /fapi/v2/balance":
                return ExchangeAnswer.ok(spot.read(() -> FuturesAnswers.balance(account, market.openOrderMargin(account), spot.quotes(), spot.now())));
            case "GET /fapi/v2/account":
            case "GET /fapi/v3/account":
                return ExchangeAnswer.ok(spot.read(() -> FuturesAnswers.account(account, market.openOrderMargin(account), spot.quotes(), spot.now())));
            case "GET /fapi/v2/positionRisk":
                return ExchangeAnswer.ok(spot.read(() -> FuturesAnswers.positionRisk(account, params.optional("symbol"), spot.quotes())));
            case "GET /fapi/v1/exchangeInfo": return ExchangeAnswer.ok(exchangeInfo());
            case "POST /fapi/v1/listenKey":
                return ExchangeAnswer.ok(Map.of("listenKey", streams.futuresListenKey(RequestAuth.keyed(apiKey, spot))));
            case "PUT /fapi/v1/listenKey":
            case "DELETE /fapi/v1/listenKey": return listenKey(method, apiKey);
            default: throw new IllegalStateException("no handler for a routed path: " + path);
        }
    }

    private ExchangeAnswer place(final SpotAccount account, final Params params)
    {
        final FuturesOrder order = market.place(account, params);
        final Faults.FailMode failure = faults.takeFailAfterPlacing();
        if (failure == Faults.FailMode.NO_ANSWER)
        {
            return ExchangeAnswer.SILENT;
        }
        if (failure == Faults.FailMode.STATUS_503)
        {
            return ExchangeAnswer.order(503, new ExchangeError(503, -1007,
                "Timeout waiting for response from backend server. Send status unknown; execution status unknown.").json());
        }
        return ExchangeAnswer.order(200, io.ordergate.simulators.SimulatorJson.write(spot.read(() -> FuturesAnswers.order(order, false))));
    }

    /** PUT keeps the account's futures key alive, DELETE ends it; -1125 when it has none. */
    private ExchangeAnswer listenKey(final String method, final String apiKey)
    {
        final SpotAccount account = RequestAuth.keyed(apiKey, spot);
        final String key;
        synchronized (account)
        {
            key = account.futuresListenKey;
        }
        if (key == null)
        {
            throw ExchangeError.badRequest(-1125, "This listenKey does not exist.");
        }
        if ("DELETE".equals(method))
        {
            streams.close(key);
            return ExchangeAnswer.ok(Map.of());
        }
        return ExchangeAnswer.ok(Map.of("listenKey", key));
    }

    private Map<String, Object> exchangeInfo()
    {
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("timezone", "UTC");
        info.put("serverTime", spot.now());
        info.put("futuresType", "U_MARGINED");
        info.put("rateLimits", List.of(
            Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", limits.weightPerMinute()),
            Map.of("rateLimitType", "ORDERS", "interval", "MINUTE", "intervalNum", 1, "limit", limits.ordersPerDay()),
            Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", limits.ordersPer10s())));
        info.put("exchangeFilters", List.of());
        final List<Object> symbols = new ArrayList<>();
        spot.symbols().forEach(rules -> symbols.add(FuturesAnswers.symbol(rules)));
        info.put("symbols", symbols);
        return info;
    }
}
