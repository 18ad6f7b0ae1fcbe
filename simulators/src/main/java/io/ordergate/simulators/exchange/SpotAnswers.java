package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange's answer shapes for orders and accounts (REST) and its user-data events (WebSocket), field for
 * field as Binance documents them. Called under the {@link SpotMarket}'s lock; stateless itself.
 */
final class SpotAnswers
{
    /** A fill made while answering a placement, for the FULL answer's {@code fills}. */
    record Fill(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset, long tradeId)
    {
    }

    /** One fill of an account's order as {@code GET /api/v3/myTrades} lists it. */
    record AccountTrade(SpotOrder order, Fill fill, long time)
    {
    }

    private SpotAnswers()
    {
    }

    /**
     * One entry of {@code GET /api/v3/myTrades}, field for field as Binance documents it. Every fill here is charged the
     * taker rate ({@code Matcher}), so none is a maker's.
     */
    static Map<String, Object> accountTrade(final AccountTrade trade)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", trade.order().rules.symbol());
        m.put("id", trade.fill().tradeId());
        m.put("orderId", trade.order().orderId);
        m.put("orderListId", -1);
        m.put("price", Amounts.text(trade.fill().price()));
        m.put("qty", Amounts.text(trade.fill().qty()));
        m.put("quoteQty", Amounts.text(trade.fill().qty().multiply(trade.fill().price())));
        m.put("commission", Amounts.text(trade.fill().commission()));
        m.put("commissionAsset", trade.fill().commissionAsset());
        m.put("time", trade.time());
        m.put("isBuyer", trade.order().buy());
        m.put("isMaker", false);
        m.put("isBestMatch", true);
        return m;
    }

    /** POST /api/v3/order, by {@code newOrderRespType}: ACK, RESULT or FULL. */
    static Map<String, Object> placed(final SpotOrder order, final String respType, final long transactTime, final List<Fill> fills)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", order.rules.symbol());
        m.put("orderId", order.orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", order.clientOrderId);
        m.put("transactTime", transactTime);
        if ("ACK".equals(respType))
        {
            return m;
        }
        quantities(order, m);
        m.put("workingTime", order.working() ? transactTime : -1);
        m.put("selfTradePreventionMode", "NONE");
        if ("FULL".equals(respType))
        {
            final List<Object> list = new ArrayList<>();
            for (final Fill fill : fills)
            {
                final Map<String, Object> f = new LinkedHashMap<>();
                f.put("price", Amounts.text(fill.price()));
                f.put("qty", Amounts.text(fill.qty()));
                f.put("commission", Amounts.text(fill.commission()));
                f.put("commissionAsset", fill.commissionAsset());
                f.put("tradeId", fill.tradeId());
                list.add(f);
            }
            m.put("fills", list);
        }
        return m;
    }

    /** GET /api/v3/order and each entry of GET /api/v3/openOrders. */
    static Map<String, Object> queried(final SpotOrder order)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", order.rules.symbol());
        m.put("orderId", order.orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", order.clientOrderId);
        quantities(order, m);
        m.put("stopPrice", Amounts.text(order.stopPrice));
        m.put("icebergQty", Amounts.text(BigDecimal.ZERO));
        m.put("time", order.time);
        m.put("updateTime", order.updateTime);
        m.put("isWorking", order.working());
        m.put("workingTime", order.working() ? order.time : -1);
        m.put("origQuoteOrderQty", Amounts.text(BigDecimal.ZERO));
        m.put("selfTradePreventionMode", "NONE");
        return m;
    }

    /** DELETE /api/v3/order. */
    static Map<String, Object> cancelled(final SpotOrder order, final String cancelClientOrderId, final long transactTime)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", order.rules.symbol());
        m.put("origClientOrderId", order.clientOrderId);
        m.put("orderId", order.orderId);
        m.put("orderListId", -1);
        m.put("clientOrderId", cancelClientOrderId);
        m.put("transactTime", transactTime);
        quantities(order, m);
        if (order.isStop())
        {
            m.put("stopPrice", Amounts.text(order.stopPrice));
        }
        m.put("selfTradePreventionMode", "NONE");
        return m;
    }

    private static void quantities(final SpotOrder order, final Map<String, Object> m)
    {
        m.put("price", Amounts.text(order.price));
        m.put("origQty", Amounts.text(order.origQty));
        m.put("executedQty", Amounts.text(order.executedQty));
        m.put("cummulativeQuoteQty", Amounts.text(order.cummulativeQuoteQty));
        m.put("status", order.status);
        m.put("timeInForce", order.timeInForce == null ? "GTC" : order.timeInForce);
        m.put("type", order.type);
        m.put("side", order.side);
    }

    /** GET /api/v3/account. */
    static Map<String, Object> account(final SpotAccount account)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("makerCommission", 0);
        m.put("takerCommission", 0);
        m.put("buyerCommission", 0);
        m.put("sellerCommission", 0);
        m.put("commissionRates", Map.of("maker", Amounts.text(BigDecimal.ZERO), "taker", Amounts.text(BigDecimal.ZERO),
            "buyer", Amounts.text(BigDecimal.ZERO), "seller", Amounts.text(BigDecimal.ZERO)));
        m.put("canTrade", Boolean.TRUE);
        m.put("canWithdraw", Boolean.TRUE);
        m.put("canDeposit", Boolean.TRUE);
        m.put("brokered", Boolean.FALSE);
        m.put("requireSelfTradePrevention", Boolean.FALSE);
        m.put("preventSor", Boolean.FALSE);
        m.put("updateTime", account.updateTime);
        m.put("accountType", "SPOT");
        final List<Object> balances = new ArrayList<>();
        for (final Map.Entry<String, SpotAccount.Balance> entry : account.balances.entrySet())
        {
            balances.add(Map.of("asset", entry.getKey(), "free", Amounts.text(entry.getValue().free),
                "locked", Amounts.text(entry.getValue().locked)));
        }
        m.put("balances", balances);
        m.put("permissions", List.of("SPOT"));
        m.put("uid", Math.abs((long)account.apiKey().hashCode()));
        return m;
    }

    /**
     * An {@code executionReport}: {@code execution} NEW, TRADE, CANCELED or EXPIRED; for TRADE the last fill's
     * quantity, price and trade id; {@code cancelClientOrderId} names a cancel request's own id.
     */
    static Map<String, Object> executionReport(final SpotOrder order, final String execution, final long eventTime,
        final BigDecimal lastQty, final BigDecimal lastPrice, final long tradeId, final String cancelClientOrderId)
    {
        return executionReport(order, execution, eventTime, lastQty, lastPrice, tradeId, cancelClientOrderId, BigDecimal.ZERO);
    }

    /** An {@code executionReport} whose TRADE carries the fill's {@code commission} ({@code n}, in asset {@code N}). */
    static Map<String, Object> executionReport(final SpotOrder order, final String execution, final long eventTime,
        final BigDecimal lastQty, final BigDecimal lastPrice, final long tradeId, final String cancelClientOrderId, final BigDecimal commission)
    {
        final boolean cancel = cancelClientOrderId != null;
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "executionReport");
        e.put("E", eventTime);
        e.put("s", order.rules.symbol());
        e.put("c", cancel ? cancelClientOrderId : order.clientOrderId);
        e.put("S", order.side);
        e.put("o", order.type);
        e.put("f", order.timeInForce == null ? "GTC" : order.timeInForce);
        e.put("q", Amounts.text(order.origQty));
        e.put("p", Amounts.text(order.price));
        e.put("P", Amounts.text(order.stopPrice));
        e.put("F", Amounts.text(BigDecimal.ZERO));
        e.put("g", -1);
        e.put("C", cancel ? order.clientOrderId : "");
        e.put("x", execution);
        e.put("X", order.status);
        e.put("r", "NONE");
        e.put("i", order.orderId);
        e.put("l", Amounts.text(lastQty));
        e.put("z", Amounts.text(order.executedQty));
        e.put("L", Amounts.text(lastPrice));
        e.put("n", Amounts.text(commission));
        e.put("N", "TRADE".equals(execution) ? (order.buy() ? order.rules.baseAsset() : order.rules.quoteAsset()) : null);
        e.put("T", eventTime);
        e.put("t", tradeId);
        e.put("I", order.orderId * 2 + tradeId);
        e.put("w", order.working());
        e.put("m", Boolean.FALSE);
        e.put("M", Boolean.FALSE);
        e.put("O", order.time);
        e.put("Z", Amounts.text(order.cummulativeQuoteQty));
        e.put("Y", Amounts.text(lastQty.multiply(lastPrice)));
        e.put("Q", Amounts.text(BigDecimal.ZERO));
        if (order.working())
        {
            e.put("W", order.time);
        }
        e.put("V", "NONE");
        return e;
    }

    /** An {@code outboundAccountPosition} with the assets a change touched. */
    static Map<String, Object> accountPosition(final SpotAccount account, final long eventTime, final List<String> assets)
    {
        final List<Object> changed = new ArrayList<>();
        for (final String asset : assets)
        {
            final SpotAccount.Balance balance = account.balance(asset);
            final Map<String, Object> b = new LinkedHashMap<>();
            b.put("a", asset);
            b.put("f", Amounts.text(balance.free));
            b.put("l", Amounts.text(balance.locked));
            changed.add(b);
        }
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("e", "outboundAccountPosition");
        e.put("E", eventTime);
        e.put("u", eventTime);
        e.put("B", changed);
        return e;
    }
}
