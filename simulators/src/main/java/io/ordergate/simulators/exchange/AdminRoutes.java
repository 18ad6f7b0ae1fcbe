package io.ordergate.simulators.exchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergate.simulators.SimulatorJson;

/**
 * A small JSON admin API for manual runs (no authentication: the simulator listens on loopback only):
 * <pre>
 *   POST   /admin/quotes              {"symbol": "BTCUSDT", "bid": "65000.00", "ask": "65001.00"}
 *   POST   /admin/accounts            {"api_key": "...", "api_secret": "...", "balances": {"USDT": "10000"}}
 *   GET    /admin/accounts?api_key=   balances per asset
 *   GET    /admin/futures?api_key=    the key's futures settings: dualSidePosition, leverage and marginType per symbol
 *   GET    /admin/orders?api_key=     every order of the key (or of all keys)
 *   POST   /admin/faults              {"rate_limit": {"requests": 3, "retry_after_seconds": 2}, "ban_seconds": 5,
 *                                      "fail_after_placing": {"orders": 1, "mode": "STATUS_503|NO_ANSWER"},
 *                                      "late_fills_ms": 2000, "partial_fills": {"parts": 3, "interval_ms": 500},
 *                                      "hide_new_orders_ms": 3000, "mute_user_streams_ms": 2000, "clock_offset_ms": 1500}
 *   DELETE /admin/faults              every fault off
 *   POST   /admin/drop-user-streams   closes every user-data WebSocket now
 * </pre>
 * Thread safe (the market and the faults are).
 */
final class AdminRoutes
{
    private final SimulatedExchange exchange;

    AdminRoutes(final SimulatedExchange exchange)
    {
        this.exchange = exchange;
    }

    ExchangeAnswer answer(final String method, final String path, final String rawQuery, final String body)
    {
        try
        {
            final Map<String, List<String>> query = new QueryStringDecoder(rawQuery == null ? "" : rawQuery, false).parameters();
            final String apiKey = query.containsKey("api_key") ? query.get("api_key").get(0) : null;
            switch (method + " " + path)
            {
                case "POST /admin/quotes":
                {
                    final Map<String, Object> q = SimulatorJson.parseObject(body);
                    exchange.quote((String)q.get("symbol"), text(q.get("bid")), text(q.get("ask")));
                    return ok();
                }
                case "POST /admin/accounts":
                {
                    final Map<String, Object> a = SimulatorJson.parseObject(body);
                    final Map<String, String> balances = new LinkedHashMap<>();
                    if (a.get("balances") instanceof Map)
                    {
                        ((Map<?, ?>)a.get("balances")).forEach((k, v) -> balances.put(String.valueOf(k), text(v)));
                    }
                    exchange.addAccount((String)a.get("api_key"), (String)a.get("api_secret"), balances);
                    return ok();
                }
                case "GET /admin/accounts": return ExchangeAnswer.ok(exchange.balances(apiKey));
                case "GET /admin/orders": return ExchangeAnswer.ok(orders(apiKey));
                case "GET /admin/futures": return ExchangeAnswer.ok(exchange.futuresSettings(apiKey));
                case "POST /admin/faults":
                    faults(SimulatorJson.parseObject(body));
                    return ok();
                case "DELETE /admin/faults":
                    exchange.faults().clear();
                    return ok();
                case "POST /admin/drop-user-streams":
                    exchange.dropUserStreams();
                    return ok();
                default: return new ExchangeAnswer(404, "{\"error\":\"no such admin route\"}", 0, false);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return new ExchangeAnswer(400, "{\"error\":" + SimulatorJson.write(String.valueOf(ex.getMessage())) + "}", 0, false);
        }
    }

    private void faults(final Map<String, Object> f)
    {
        final Faults faults = exchange.faults();
        if (f.get("rate_limit") instanceof Map)
        {
            final Map<?, ?> r = (Map<?, ?>)f.get("rate_limit");
            faults.rateLimitNext(number(r.get("requests")).intValue(), number(r.get("retry_after_seconds")).intValue());
        }
        if (f.containsKey("ban_seconds"))
        {
            faults.ban(number(f.get("ban_seconds")).intValue());
        }
        if (f.get("fail_after_placing") instanceof Map)
        {
            final Map<?, ?> p = (Map<?, ?>)f.get("fail_after_placing");
            faults.failAfterPlacing(number(p.get("orders")).intValue(), Faults.FailMode.valueOf(String.valueOf(p.get("mode"))));
        }
        if (f.containsKey("late_fills_ms"))
        {
            faults.lateFills(number(f.get("late_fills_ms")).longValue());
        }
        if (f.get("partial_fills") instanceof Map)
        {
            final Map<?, ?> p = (Map<?, ?>)f.get("partial_fills");
            faults.partialFills(number(p.get("parts")).intValue(), number(p.get("interval_ms")).longValue());
        }
        if (f.containsKey("hide_new_orders_ms"))
        {
            faults.hideNewOrders(number(f.get("hide_new_orders_ms")).longValue());
        }
        if (f.containsKey("mute_user_streams_ms"))
        {
            faults.muteUserStreams(number(f.get("mute_user_streams_ms")).longValue());
        }
        if (f.containsKey("clock_offset_ms"))
        {
            faults.clockOffset(number(f.get("clock_offset_ms")).longValue());
        }
    }

    private List<Object> orders(final String apiKey)
    {
        final List<Object> list = new ArrayList<>();
        for (final SimulatedExchange.OrderSnapshot order : exchange.orders(apiKey))
        {
            list.add(order.asMap());
        }
        return list;
    }

    private static BigDecimal number(final Object value)
    {
        final BigDecimal number = SimulatorJson.decimal(value);
        if (number == null)
        {
            throw new IllegalArgumentException("a number is missing");
        }
        return number;
    }

    private static String text(final Object value)
    {
        final BigDecimal number = SimulatorJson.decimal(value);
        if (number == null)
        {
            throw new IllegalArgumentException("a decimal is missing");
        }
        return number.toPlainString();
    }

    private static ExchangeAnswer ok()
    {
        return new ExchangeAnswer(200, "{\"ok\":true}", 0, false);
    }
}
