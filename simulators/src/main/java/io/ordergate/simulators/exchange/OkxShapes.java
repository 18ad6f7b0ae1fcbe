package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated OKX's answer shapes, from the shared market's orders and accounts: instruments named {@code BTC-USDT},
 * order states {@code live}, {@code partially_filled}, {@code filled}, {@code canceled}, ids and amounts as strings,
 * every answer {@code {"code", "msg", "data": [...]}}. Stateless; called under the market's lock where it reads orders.
 */
final class OkxShapes
{
    /** The prefix of a client order id the simulator made for an order sent without one (OKX then reports ""). */
    static final String NO_CLIENT_ID = "~";

    private OkxShapes()
    {
    }

    /** An amount as OKX writes it: plain, without trailing zeros ({@code "0.001"}). */
    static String text(final BigDecimal value)
    {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** {@code BTC-USDT} for the market's {@code BTCUSDT}. */
    static String instId(final SymbolRules rules)
    {
        return rules.baseAsset() + "-" + rules.quoteAsset();
    }

    static Map<String, Object> envelope(final String code, final String msg, final List<?> data)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("msg", msg);
        m.put("data", data);
        return m;
    }

    /** One item of an order request's answer: {@code clOrdId}, {@code ordId}, {@code sCode}, {@code sMsg}, {@code ts}. */
    static Map<String, Object> item(final String clOrdId, final String ordId, final String sCode, final String sMsg, final long now)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("clOrdId", clOrdId);
        m.put("ordId", ordId);
        m.put("tag", "");
        m.put("ts", Long.toString(now));
        m.put("sCode", sCode);
        m.put("sMsg", sMsg);
        return m;
    }

    static String clOrdId(final SpotOrder order)
    {
        return order.clientOrderId.startsWith(NO_CLIENT_ID) ? "" : order.clientOrderId;
    }

    static String state(final SpotOrder order)
    {
        switch (order.status)
        {
            case "PARTIALLY_FILLED": return "partially_filled";
            case "FILLED": return "filled";
            case "CANCELED":
            case "EXPIRED": return "canceled";
            default: return "live";
        }
    }

    static String ordType(final SpotOrder order)
    {
        if ("MARKET".equals(order.type))
        {
            return "market";
        }
        if ("LIMIT_MAKER".equals(order.type))
        {
            return "post_only";
        }
        return "IOC".equals(order.timeInForce) ? "ioc" : "FOK".equals(order.timeInForce) ? "fok" : "limit";
    }

    /** {@code GET /api/v5/trade/order}'s item; with the last fill's fields when {@code fill} is given (an {@code orders} push). */
    static Map<String, Object> order(final SpotOrder order, final Map<String, Object> fill)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("instType", "SPOT");
        m.put("instId", instId(order.rules));
        m.put("tgtCcy", "base_ccy");
        m.put("ccy", "");
        m.put("ordId", Long.toString(order.orderId));
        m.put("clOrdId", clOrdId(order));
        m.put("tag", "");
        m.put("px", order.price.signum() > 0 ? text(order.price) : "");
        m.put("sz", text(order.origQty));
        m.put("ordType", ordType(order));
        m.put("side", order.buy() ? "buy" : "sell");
        m.put("posSide", "net");
        m.put("tdMode", "cash");
        m.put("accFillSz", text(order.executedQty));
        m.put("avgPx", order.executedQty.signum() == 0 ? "" : text(order.cummulativeQuoteQty.divide(order.executedQty,
            SymbolRules.PRECISION, RoundingMode.HALF_EVEN)));
        m.put("state", state(order));
        // the order's cumulative commission, negative when charged, in the currency it was charged in
        m.put("fee", order.commission.signum() == 0 ? "0" : text(order.commission.negate()));
        m.put("feeCcy", order.commissionAsset);
        m.put("lever", "");
        m.put("category", "normal");
        m.put("reduceOnly", "false");
        m.put("cTime", Long.toString(order.time));
        m.put("uTime", Long.toString(order.updateTime));
        final boolean trade = fill != null && "TRADE".equals(fill.get("x"));
        m.put("fillSz", trade ? text(new BigDecimal(String.valueOf(fill.get("l")))) : "0");
        m.put("fillPx", trade ? text(new BigDecimal(String.valueOf(fill.get("L")))) : "");
        m.put("tradeId", trade ? String.valueOf(fill.get("t")) : "");
        m.put("fillTime", trade ? String.valueOf(fill.get("T")) : "");
        // OKX writes what a fill charged as a negative fee, in the currency it was charged in
        m.put("fillFee", trade ? text(new BigDecimal(String.valueOf(fill.get("n"))).negate()) : "0");
        m.put("fillFeeCcy", trade ? String.valueOf(fill.get("N")) : "");
        m.put("execType", trade ? "T" : "");
        return m;
    }

    /** One currency of an account answer: {@code availBal} free, {@code frozenBal} locked by open orders. */
    static Map<String, Object> detail(final String ccy, final SpotAccount.Balance balance, final long now)
    {
        final BigDecimal total = balance.free.add(balance.locked);
        final Map<String, Object> d = new LinkedHashMap<>();
        d.put("ccy", ccy);
        d.put("eq", text(total));
        d.put("cashBal", text(total));
        d.put("availBal", text(balance.free));
        d.put("availEq", text(balance.free));
        d.put("frozenBal", text(balance.locked));
        d.put("ordFrozen", text(balance.locked));
        d.put("upl", "0");
        d.put("uTime", Long.toString(now));
        return d;
    }

    /** {@code GET /api/v5/account/balance}'s item (also an {@code account} push): the currencies named, or every one for null. */
    static Map<String, Object> balance(final SpotAccount account, final List<String> currencies, final long now)
    {
        final List<Object> details = new ArrayList<>();
        account.balances.forEach((ccy, balance) ->
        {
            if (currencies == null || currencies.contains(ccy))
            {
                details.add(detail(ccy, balance, now));
            }
        });
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("uTime", Long.toString(now));
        m.put("totalEq", "");
        m.put("adjEq", "");
        m.put("details", details);
        return m;
    }

    /** {@code GET /api/v5/public/instruments?instType=SPOT}'s item for one symbol. */
    static Map<String, Object> instrument(final SymbolRules rules)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("instType", "SPOT");
        m.put("instId", instId(rules));
        m.put("baseCcy", rules.baseAsset());
        m.put("quoteCcy", rules.quoteAsset());
        m.put("tickSz", text(rules.tickSize()));
        m.put("lotSz", text(rules.stepSize()));
        m.put("minSz", text(rules.minQty()));
        m.put("maxLmtSz", text(rules.maxQty()));
        m.put("maxMktSz", text(rules.maxQty()));
        m.put("state", "live");
        return m;
    }
}
