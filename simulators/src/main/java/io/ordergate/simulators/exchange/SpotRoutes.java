package io.ordergate.simulators.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange's REST routes (spot, the user-data stream keys, the futures settings and leverage brackets) and their weights. Each checks
 * its own authentication ({@code NONE}, {@code USER_STREAM}: the key only, {@code SIGNED}: key, time and signature)
 * and answers in the exchange's shapes. Faults that strike after a placement are applied here. Thread safe.
 */
final class SpotRoutes
{
    /** A route's cost and its security type, for the rate-limit check before it runs. */
    record Route(int weight, boolean signed, boolean order)
    {
    }

    private final SpotMarket market;
    private final UserStreams streams;
    private final Faults faults;
    private final RateLimits limits;
    private final FuturesTradeRoutes futures;
    private final FuturesMarket futuresMarket;
    private final LeverageBrackets brackets;

    SpotRoutes(final SpotMarket market, final FuturesMarket futuresMarket, final UserStreams streams, final Faults faults, final RateLimits limits,
        final LeverageBrackets brackets)
    {
        this.market = market;
        this.brackets = brackets;
        this.futures = new FuturesTradeRoutes(market, futuresMarket, streams, faults, limits);
        this.futuresMarket = futuresMarket;
        this.streams = streams;
        this.faults = faults;
        this.limits = limits;
    }

    /** The route for a method and path, or null when the exchange has none (404). */
    static Route route(final String method, final String path, final Params params)
    {
        final Route futures = FuturesTradeRoutes.route(method, path, params);
        if (futures != null)
        {
            return futures;
        }
        switch (method + " " + path)
        {
            case "GET /api/v3/ping":
            case "GET /api/v3/time":
            case "GET /fapi/v1/time": return new Route(1, false, false);
            case "POST /fapi/v1/leverage":
            case "POST /fapi/v1/marginType":
            case "GET /fapi/v1/leverageBracket": return new Route(1, true, false);
            case "GET /api/v3/exchangeInfo": return new Route(20, false, false);
            case "GET /api/v3/ticker/bookTicker": return new Route(2, false, false);
            case "POST /api/v3/order": return new Route(1, true, true);
            case "POST /api/v3/order/test": return new Route(1, true, false);
            case "GET /api/v3/order": return new Route(4, true, false);
            case "DELETE /api/v3/order": return new Route(1, true, false);
            case "GET /api/v3/openOrders": return new Route(params.has("symbol") ? 6 : 80, true, false);
            case "DELETE /api/v3/openOrders": return new Route(1, true, false);
            case "GET /api/v3/allOrders": return new Route(20, true, false);
            case "GET /api/v3/myTrades": return new Route(params.has("orderId") ? 5 : 20, true, false);
            case "GET /api/v3/ticker/price": return new Route(params.has("symbol") ? 2 : 4, false, false);
            case "GET /api/v3/account": return new Route(20, true, false);
            case "POST /api/v3/userDataStream":
            case "PUT /api/v3/userDataStream":
            case "DELETE /api/v3/userDataStream": return new Route(2, false, false);
            case "GET /fapi/v1/positionSide/dual": return new Route(30, true, false);
            case "POST /fapi/v1/positionSide/dual": return new Route(1, true, false);
            default: return null;
        }
    }

    ExchangeAnswer answer(final String method, final String path, final Params params, final String apiKey, final Route route)
    {
        final SpotAccount account = route.signed() ? RequestAuth.signed(apiKey, params, market, market.now()) : null;
        if (route.order())
        {
            limits.countOrder(market.now());
        }
        if (FuturesTradeRoutes.route(method, path, params) != null)
        {
            return futures.answer(method, path, params, apiKey, account);
        }
        if (route.order())
        {
            return place(account, params);
        }
        switch (method + " " + path)
        {
            case "GET /api/v3/ping": return ExchangeAnswer.ok(Map.of());
            case "GET /api/v3/time":
            case "GET /fapi/v1/time": return ExchangeAnswer.ok(Map.of("serverTime", market.now()));
            case "GET /api/v3/exchangeInfo": return ExchangeAnswer.ok(exchangeInfo());
            case "GET /api/v3/ticker/bookTicker": return ExchangeAnswer.ok(bookTicker(params.mandatory("symbol")));
            case "POST /api/v3/order/test":
                NewOrderRequest.read(params);
                return ExchangeAnswer.ok(Map.of());
            case "GET /api/v3/order":
                return ExchangeAnswer.ok(market.read(() -> SpotAnswers.queried(market.find(account, params.mandatory("symbol"),
                    params.optionalLong("orderId", -1), params.originalClientOrderId()))));
            case "DELETE /api/v3/order":
                return cancel(account, params);
            case "GET /api/v3/openOrders":
                return ExchangeAnswer.ok(market.read(() ->
                {
                    final List<Object> open = new ArrayList<>();
                    final String symbol = params.optional("symbol");
                    if (symbol != null)
                    {
                        market.rules(symbol);
                    }
                    market.openOrders(account, symbol).forEach(order -> open.add(SpotAnswers.queried(order)));
                    return open;
                }));
            case "DELETE /api/v3/openOrders": return cancelAll(account, params.mandatory("symbol"));
            case "GET /api/v3/allOrders":
                return ExchangeAnswer.ok(market.read(() ->
                {
                    final String symbol = params.mandatory("symbol");
                    market.rules(symbol);
                    final List<Object> all = new ArrayList<>();
                    market.orders(account).stream().filter(o -> o.rules.symbol().equals(symbol) && market.now() >= o.visibleFrom)
                        .forEach(o -> all.add(SpotAnswers.queried(o)));
                    return all;
                }));
            case "GET /api/v3/myTrades":
                return ExchangeAnswer.ok(market.read(() -> AccountTrades.list(market, account, params)));
            case "GET /api/v3/ticker/price":
            {
                final java.math.BigDecimal[] quote = market.quote(params.mandatory("symbol"));
                return ExchangeAnswer.ok(Map.of("symbol", params.mandatory("symbol"), "price", Amounts.text(quote == null ? java.math.BigDecimal.ZERO
                    : quote[0].add(quote[1]).divide(java.math.BigDecimal.valueOf(2)))));
            }
            case "GET /api/v3/account": return ExchangeAnswer.ok(market.read(() -> SpotAnswers.account(account)));
            case "POST /api/v3/userDataStream":
                return ExchangeAnswer.ok(Map.of("listenKey", streams.listenKey(RequestAuth.keyed(apiKey, market))));
            case "PUT /api/v3/userDataStream":
            case "DELETE /api/v3/userDataStream":
                return listenKey(method, apiKey, params);
            case "POST /fapi/v1/leverage": return ExchangeAnswer.ok(FuturesRoutes.leverage(market, brackets, account, params));
            case "GET /fapi/v1/leverageBracket":
            {
                final String symbol = params.optional("symbol");
                if (symbol != null)
                {
                    market.rules(symbol);  // -1121 for a symbol it does not list
                }
                return ExchangeAnswer.ok(brackets.answer(symbol, market.symbols().stream().map(SymbolRules::symbol).toList()));
            }
            case "POST /fapi/v1/marginType": return ExchangeAnswer.ok(FuturesRoutes.marginType(market, futuresMarket, account, params));
            case "GET /fapi/v1/positionSide/dual": return ExchangeAnswer.ok(FuturesRoutes.readPositionMode(market, account));
            case "POST /fapi/v1/positionSide/dual": return ExchangeAnswer.ok(FuturesRoutes.positionMode(market, futuresMarket, account, params));
            default: throw new IllegalStateException("no handler for a routed path: " + path);
        }
    }

    private ExchangeAnswer place(final SpotAccount account, final Params params)
    {
        final NewOrderRequest request = NewOrderRequest.read(params);
        final SpotMarket.Placed placed = market.place(account, request);
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
        return ExchangeAnswer.order(200, io.ordergate.simulators.SimulatorJson.write(market.read(() ->
            SpotAnswers.placed(placed.order(), request.respType(), placed.transactTime(), placed.fills()))));
    }

    private ExchangeAnswer cancel(final SpotAccount account, final Params params)
    {
        final String symbol = params.mandatory("symbol");
        final long orderId = params.optionalLong("orderId", -1);
        final String original = params.originalClientOrderId();
        String cancelId = params.optional("newClientOrderId");
        if (cancelId == null)
        {
            cancelId = NewOrderRequest.generatedId();
        }
        final String id = cancelId;
        return ExchangeAnswer.ok(market.read(() ->
            SpotAnswers.cancelled(market.cancel(account, symbol, orderId, original, id), id, market.now())));
    }

    /** {@code DELETE /api/v3/openOrders}: every open order of the symbol cancelled, each answered as a cancel is; -2011 when none. */
    private ExchangeAnswer cancelAll(final SpotAccount account, final String symbol)
    {
        return ExchangeAnswer.ok(market.read(() ->
        {
            market.rules(symbol);
            final List<SpotOrder> open = market.openOrders(account, symbol);
            if (open.isEmpty())
            {
                throw ExchangeError.cancelRejected();
            }
            final List<Object> cancelled = new ArrayList<>();
            for (final SpotOrder order : open)
            {
                final String id = NewOrderRequest.generatedId();
                cancelled.add(SpotAnswers.cancelled(market.cancel(account, symbol, order.orderId, null, id), id, market.now()));
            }
            return cancelled;
        }));
    }

    private ExchangeAnswer listenKey(final String method, final String apiKey, final Params params)
    {
        RequestAuth.keyed(apiKey, market);
        final String key = params.mandatory("listenKey");
        if (!streams.exists(key))
        {
            throw ExchangeError.badRequest(-1125, "This listenKey does not exist.");
        }
        if ("DELETE".equals(method))
        {
            streams.close(key);
        }
        else
        {
            streams.keptAlive();
        }
        return ExchangeAnswer.ok(Map.of());
    }

    private Map<String, Object> exchangeInfo()
    {
        final Map<String, Object> info = new LinkedHashMap<>();
        info.put("timezone", "UTC");
        info.put("serverTime", market.now());
        info.put("rateLimits", List.of(
            Map.of("rateLimitType", "REQUEST_WEIGHT", "interval", "MINUTE", "intervalNum", 1, "limit", limits.weightPerMinute()),
            Map.of("rateLimitType", "ORDERS", "interval", "SECOND", "intervalNum", 10, "limit", limits.ordersPer10s()),
            Map.of("rateLimitType", "ORDERS", "interval", "DAY", "intervalNum", 1, "limit", limits.ordersPerDay())));
        info.put("exchangeFilters", List.of());
        final List<Object> symbols = new ArrayList<>();
        market.symbols().forEach(rules -> symbols.add(rules.info()));
        info.put("symbols", symbols);
        return info;
    }

    private Map<String, Object> bookTicker(final String symbol)
    {
        market.rules(symbol);
        final java.math.BigDecimal[] quote = market.quote(symbol);
        final Map<String, Object> ticker = new LinkedHashMap<>();
        ticker.put("symbol", symbol);
        ticker.put("bidPrice", Amounts.text(quote == null ? java.math.BigDecimal.ZERO : quote[0]));
        ticker.put("bidQty", Amounts.text(quote == null ? java.math.BigDecimal.ZERO : java.math.BigDecimal.TEN));
        ticker.put("askPrice", Amounts.text(quote == null ? java.math.BigDecimal.ZERO : quote[1]));
        ticker.put("askQty", Amounts.text(quote == null ? java.math.BigDecimal.ZERO : java.math.BigDecimal.TEN));
        return ticker;
    }
}
