package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The USDⓈ-M futures API's answer shapes: an order (place, query, cancel), the user-data stream's
 * {@code ORDER_TRADE_UPDATE} and {@code ACCOUNT_UPDATE}, {@code /fapi/v2/balance}, {@code /fapi/v2/positionRisk}, and
 * a symbol of {@code /fapi/v1/exchangeInfo}. Called under the market's lock. Stateless.
 */
final class FuturesAnswers
{
    private FuturesAnswers()
    {
    }

    /** An order as {@code POST|GET|DELETE /fapi/v1/order} answer it (the query adds {@code time}). */
    static Map<String, Object> order(final FuturesOrder o, final boolean withTime)
    {
        final FuturesOrderRequest r = o.request;
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("avgPrice", Amounts.text(o.averagePrice()));
        m.put("clientOrderId", r.clientOrderId());
        m.put("cumQuote", Amounts.text(o.cumQuote));
        m.put("executedQty", Amounts.text(o.executedQty));
        m.put("orderId", o.orderId);
        m.put("origQty", Amounts.text(r.quantity()));
        m.put("origType", r.type());
        m.put("price", Amounts.text(r.price()));
        m.put("reduceOnly", r.closes());
        m.put("side", r.side());
        m.put("positionSide", r.positionSide());
        m.put("status", o.status);
        m.put("stopPrice", Amounts.text(r.stopPrice()));
        m.put("closePosition", Boolean.FALSE);
        m.put("symbol", o.rules.symbol());
        if (withTime)
        {
            m.put("time", o.time);
        }
        m.put("timeInForce", r.timeInForce());
        m.put("type", r.type());
        m.put("updateTime", o.updateTime);
        m.put("workingType", "CONTRACT_PRICE");
        m.put("priceProtect", Boolean.FALSE);
        m.put("priceMatch", "NONE");
        m.put("selfTradePreventionMode", "NONE");
        m.put("goodTillDate", 0);
        return m;
    }

    /** {@code ORDER_TRADE_UPDATE}: execution type {@code x} (NEW, TRADE, CANCELED, EXPIRED), the last fill and the totals. */
    static Map<String, Object> orderTradeUpdate(final FuturesOrder o, final String executionType, final long now, final BigDecimal lastQty,
        final BigDecimal lastPrice, final long tradeId, final BigDecimal realized, final BigDecimal commission)
    {
        final FuturesOrderRequest r = o.request;
        final Map<String, Object> u = new LinkedHashMap<>();
        u.put("s", o.rules.symbol());
        u.put("c", r.clientOrderId());
        u.put("S", r.side());
        u.put("o", r.type());
        u.put("f", r.timeInForce());
        u.put("q", Amounts.text(r.quantity()));
        u.put("p", Amounts.text(r.price()));
        u.put("ap", Amounts.text(o.averagePrice()));
        u.put("sp", Amounts.text(r.stopPrice()));
        u.put("x", executionType);
        u.put("X", o.status);
        u.put("i", o.orderId);
        u.put("l", Amounts.text(lastQty));
        u.put("z", Amounts.text(o.executedQty));
        u.put("L", Amounts.text(lastPrice));
        u.put("N", "USDT");
        u.put("n", Amounts.text(commission));
        u.put("T", now);
        u.put("t", tradeId < 0 ? 0 : tradeId);
        u.put("b", "0");
        u.put("a", "0");
        u.put("m", Boolean.FALSE);
        u.put("R", r.closes());
        u.put("wt", "CONTRACT_PRICE");
        u.put("ot", r.type());
        u.put("ps", r.positionSide());
        u.put("cp", Boolean.FALSE);
        u.put("rp", Amounts.text(realized));
        u.put("pP", Boolean.FALSE);
        u.put("si", 0);
        u.put("ss", 0);
        u.put("V", "NONE");
        u.put("pm", "NONE");
        u.put("gtd", 0);
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("e", "ORDER_TRADE_UPDATE");
        event.put("E", now);
        event.put("T", now);
        event.put("o", u);
        return event;
    }

    /** {@code ACCOUNT_UPDATE} after a fill: the wallet and the symbol's positions. */
    static Map<String, Object> accountUpdate(final SpotAccount account, final String symbol, final long now)
    {
        final FuturesBook book = account.futures;
        final Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("a", FuturesBook.ASSET);
        balance.put("wb", Amounts.text(book.wallet));
        balance.put("cw", Amounts.text(book.wallet.subtract(book.positionMargin(account.leverage)).max(BigDecimal.ZERO)));
        balance.put("bc", "0");
        final List<Object> positions = new ArrayList<>();
        book.positions.forEach((key, p) ->
        {
            if (key.startsWith(symbol + ":"))
            {
                final Map<String, Object> position = new LinkedHashMap<>();
                position.put("s", symbol);
                position.put("pa", Amounts.text(p.amount));
                position.put("ep", Amounts.text(p.entryPrice));
                position.put("bep", Amounts.text(p.entryPrice));
                position.put("cr", "0");
                position.put("up", "0");
                position.put("mt", account.marginType.getOrDefault(symbol, "CROSSED").equals("ISOLATED") ? "isolated" : "cross");
                position.put("iw", "0");
                position.put("ps", key.substring(key.indexOf(':') + 1));
                positions.add(position);
            }
        });
        final Map<String, Object> data = new LinkedHashMap<>();
        data.put("m", "ORDER");
        data.put("B", List.of(balance));
        data.put("P", positions);
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("e", "ACCOUNT_UPDATE");
        event.put("E", now);
        event.put("T", now);
        event.put("a", data);
        return event;
    }

    /** {@code GET /fapi/v2/balance}: the USDT wallet; what the positions hold as margin is not available. */
    static List<Object> balance(final SpotAccount account, final BigDecimal openOrderMargin, final Map<String, BigDecimal[]> quotes, final long now)
    {
        final FuturesBook book = account.futures;
        final BigDecimal available = book.wallet.subtract(book.positionMargin(account.leverage)).subtract(openOrderMargin).max(BigDecimal.ZERO);
        final Map<String, Object> b = new LinkedHashMap<>();
        b.put("accountAlias", "SgsR");
        b.put("asset", FuturesBook.ASSET);
        b.put("balance", Amounts.text(book.wallet));
        b.put("crossWalletBalance", Amounts.text(book.wallet));
        b.put("crossUnPnl", Amounts.text(book.unrealized(quotes)));
        b.put("availableBalance", Amounts.text(available));
        b.put("maxWithdrawAmount", Amounts.text(available));
        b.put("marginAvailable", Boolean.TRUE);
        b.put("updateTime", now);
        return List.of(b);
    }

    /**
     * {@code GET /fapi/v2/account} and {@code /fapi/v3/account} (single-asset mode): the totals, the USDT asset with its
     * wallet, unrealized profit (every position at its mark price) and margin balance (their sum), and the positions held.
     */
    static Map<String, Object> account(final SpotAccount account, final BigDecimal openOrderMargin, final Map<String, BigDecimal[]> quotes,
        final long now)
    {
        final FuturesBook book = account.futures;
        final BigDecimal unrealized = book.unrealized(quotes);
        final BigDecimal positionMargin = book.positionMargin(account.leverage);
        final BigDecimal marginBalance = book.wallet.add(unrealized);
        final BigDecimal available = marginBalance.subtract(positionMargin).subtract(openOrderMargin).max(BigDecimal.ZERO);
        final Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset", FuturesBook.ASSET);
        asset.put("walletBalance", Amounts.text(book.wallet));
        asset.put("unrealizedProfit", Amounts.text(unrealized));
        asset.put("marginBalance", Amounts.text(marginBalance));
        asset.put("maintMargin", "0.00000000");
        asset.put("initialMargin", Amounts.text(positionMargin.add(openOrderMargin)));
        asset.put("positionInitialMargin", Amounts.text(positionMargin));
        asset.put("openOrderInitialMargin", Amounts.text(openOrderMargin));
        asset.put("crossWalletBalance", Amounts.text(book.wallet));
        asset.put("crossUnPnl", Amounts.text(unrealized));
        asset.put("availableBalance", Amounts.text(available));
        asset.put("maxWithdrawAmount", Amounts.text(available.min(book.wallet)));
        asset.put("updateTime", now);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalInitialMargin", asset.get("initialMargin"));
        m.put("totalMaintMargin", "0.00000000");
        m.put("totalWalletBalance", asset.get("walletBalance"));
        m.put("totalUnrealizedProfit", asset.get("unrealizedProfit"));
        m.put("totalMarginBalance", asset.get("marginBalance"));
        m.put("totalPositionInitialMargin", asset.get("positionInitialMargin"));
        m.put("totalOpenOrderInitialMargin", asset.get("openOrderInitialMargin"));
        m.put("totalCrossWalletBalance", asset.get("crossWalletBalance"));
        m.put("totalCrossUnPnl", asset.get("crossUnPnl"));
        m.put("availableBalance", asset.get("availableBalance"));
        m.put("maxWithdrawAmount", asset.get("maxWithdrawAmount"));
        m.put("assets", List.of(asset));
        final List<Object> positions = new ArrayList<>();
        book.positions.forEach((key, p) ->
        {
            if (p.amount.signum() != 0)
            {
                final String symbol = key.substring(0, key.indexOf(':'));
                final String side = key.substring(key.indexOf(':') + 1);
                final Map<String, Object> position = new LinkedHashMap<>();
                position.put("symbol", symbol);
                position.put("positionSide", side);
                position.put("positionAmt", Amounts.text(p.amount));
                position.put("unrealizedProfit", Amounts.text(FuturesBook.unrealized(side, p, FuturesBook.markPrice(quotes.get(symbol)))));
                position.put("notional", Amounts.text(p.amount.multiply(FuturesBook.markPrice(quotes.get(symbol)))));
                position.put("updateTime", now);
                positions.add(position);
            }
        });
        m.put("positions", positions);
        return m;
    }

    /** {@code GET /fapi/v2/positionRisk}: every position of the account (or of one symbol). */
    static List<Object> positionRisk(final SpotAccount account, final String symbol, final Map<String, BigDecimal[]> quotes)
    {
        final List<Object> list = new ArrayList<>();
        account.futures.positions.forEach((key, p) ->
        {
            final String s = key.substring(0, key.indexOf(':'));
            if (symbol == null || symbol.equals(s))
            {
                final BigDecimal[] quote = quotes.get(s);
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("symbol", s);
                m.put("positionAmt", Amounts.text(p.amount));
                m.put("entryPrice", Amounts.text(p.entryPrice));
                final BigDecimal mark = FuturesBook.markPrice(quote);
                final String side = key.substring(key.indexOf(':') + 1);
                m.put("markPrice", Amounts.text(mark));
                m.put("unRealizedProfit", Amounts.text(FuturesBook.unrealized(side, p, mark)));
                m.put("notional", Amounts.text(p.amount.multiply(mark)));
                m.put("liquidationPrice", "0");
                m.put("updateTime", 0);
                m.put("leverage", String.valueOf(account.leverage.getOrDefault(s, FuturesMarket.DEFAULT_LEVERAGE)));
                m.put("marginType", account.marginType.getOrDefault(s, "CROSSED").equals("ISOLATED") ? "isolated" : "cross");
                m.put("positionSide", key.substring(key.indexOf(':') + 1));
                list.add(m);
            }
        });
        return list;
    }

    /** A symbol of {@code /fapi/v1/exchangeInfo}: a perpetual with the spot symbol's steps and a notional minimum. */
    static Map<String, Object> symbol(final SymbolRules rules)
    {
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("symbol", rules.symbol());
        s.put("pair", rules.symbol());
        s.put("contractType", "PERPETUAL");
        s.put("status", "TRADING");
        s.put("baseAsset", rules.baseAsset());
        s.put("quoteAsset", rules.quoteAsset());
        s.put("marginAsset", FuturesBook.ASSET);
        s.put("pricePrecision", rules.tickSize().stripTrailingZeros().scale());
        s.put("quantityPrecision", rules.stepSize().stripTrailingZeros().scale());
        s.put("filters", List.of(
            Map.of("filterType", "PRICE_FILTER", "minPrice", Amounts.text(rules.minPrice()), "maxPrice", Amounts.text(rules.maxPrice()),
                "tickSize", Amounts.text(rules.tickSize())),
            Map.of("filterType", "LOT_SIZE", "minQty", Amounts.text(rules.minQty()), "maxQty", Amounts.text(rules.maxQty()),
                "stepSize", Amounts.text(rules.stepSize())),
            Map.of("filterType", "MARKET_LOT_SIZE", "minQty", Amounts.text(rules.minQty()), "maxQty", Amounts.text(rules.maxQty()),
                "stepSize", Amounts.text(rules.stepSize())),
            Map.of("filterType", "MAX_NUM_ORDERS", "limit", 200),
            Map.of("filterType", "MIN_NOTIONAL", "notional", Amounts.text(rules.minNotional()))));
        s.put("orderTypes", List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET"));
        s.put("timeInForce", List.of("GTC", "IOC", "FOK", "GTX"));
        return s;
    }
}
