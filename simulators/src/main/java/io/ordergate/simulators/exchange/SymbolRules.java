package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One spot symbol's trading rules, as {@code exchangeInfo} publishes them and as orders are checked against them:
 * PRICE_FILTER (min, max, tick), LOT_SIZE (min, max, step) and MIN_NOTIONAL. Immutable: safe from any thread.
 */
record SymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
    BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty, BigDecimal minNotional)
{
    /** Every amount on this exchange carries at most this many decimals (the assets' precision). */
    static final int PRECISION = 8;

    /** The demo's two symbols, with rules like the real exchange's. */
    static List<SymbolRules> defaults()
    {
        return List.of(
            new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("1000000"),
                new BigDecimal("0.00001"), new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("5")),
            new SymbolRules("ETHUSDT", "ETH", "USDT", new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("1000000"),
                new BigDecimal("0.0001"), new BigDecimal("0.0001"), new BigDecimal("9000"), new BigDecimal("5")));
    }

    /** Refuses a price off the PRICE_FILTER (-1013), or one with more decimals than the asset has (-1111). */
    void checkPrice(final BigDecimal price)
    {
        precision(price);
        if (price.compareTo(minPrice) < 0 || price.compareTo(maxPrice) > 0 || !onGrid(price.subtract(minPrice), tickSize))
        {
            throw ExchangeError.filter("PRICE_FILTER");
        }
    }

    /** Refuses a quantity off the LOT_SIZE filter (-1013), or with too many decimals (-1111). */
    void checkQuantity(final BigDecimal quantity)
    {
        precision(quantity);
        if (quantity.compareTo(minQty) < 0 || quantity.compareTo(maxQty) > 0 || !onGrid(quantity.subtract(minQty), stepSize))
        {
            throw ExchangeError.filter("LOT_SIZE");
        }
    }

    /** Refuses an order whose price × quantity is under MIN_NOTIONAL (-1013). */
    void checkNotional(final BigDecimal price, final BigDecimal quantity)
    {
        if (price.multiply(quantity).compareTo(minNotional) < 0)
        {
            throw ExchangeError.filter("MIN_NOTIONAL");
        }
    }

    /** A filter as the exchange writes it: {@code filterType} first, then its fields in order. */
    private static Map<String, Object> filter(final String type, final Object... fields)
    {
        final Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("filterType", type);
        for (int i = 0; i < fields.length; i += 2)
        {
            filter.put((String)fields[i], fields[i + 1]);
        }
        return filter;
    }

    private static void precision(final BigDecimal value)
    {
        if (value.stripTrailingZeros().scale() > PRECISION)
        {
            throw ExchangeError.badRequest(-1111, "Precision is over the maximum defined for this asset.");
        }
    }

    private static boolean onGrid(final BigDecimal offset, final BigDecimal step)
    {
        return offset.remainder(step).signum() == 0;
    }

    /** This symbol as an {@code exchangeInfo} entry. */
    Map<String, Object> info()
    {
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("symbol", symbol);
        s.put("status", "TRADING");
        s.put("baseAsset", baseAsset);
        s.put("baseAssetPrecision", PRECISION);
        s.put("quoteAsset", quoteAsset);
        s.put("quotePrecision", PRECISION);
        s.put("quoteAssetPrecision", PRECISION);
        s.put("baseCommissionPrecision", PRECISION);
        s.put("quoteCommissionPrecision", PRECISION);
        s.put("orderTypes", List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"));
        s.put("icebergAllowed", Boolean.FALSE);
        s.put("ocoAllowed", Boolean.FALSE);
        s.put("otoAllowed", Boolean.FALSE);
        s.put("quoteOrderQtyMarketAllowed", Boolean.FALSE);
        s.put("allowTrailingStop", Boolean.FALSE);
        s.put("cancelReplaceAllowed", Boolean.FALSE);
        s.put("isSpotTradingAllowed", Boolean.TRUE);
        s.put("isMarginTradingAllowed", Boolean.FALSE);
        final List<Object> filters = new ArrayList<>();
        filters.add(filter("PRICE_FILTER", "minPrice", Amounts.text(minPrice), "maxPrice", Amounts.text(maxPrice), "tickSize", Amounts.text(tickSize)));
        filters.add(filter("LOT_SIZE", "minQty", Amounts.text(minQty), "maxQty", Amounts.text(maxQty), "stepSize", Amounts.text(stepSize)));
        filters.add(filter("MIN_NOTIONAL", "minNotional", Amounts.text(minNotional), "applyToMarket", Boolean.TRUE, "avgPriceMins", 5));
        s.put("filters", filters);
        s.put("permissions", List.of());
        s.put("permissionSets", List.of(List.of("SPOT")));
        s.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
        s.put("allowedSelfTradePreventionModes", List.of("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"));
        return s;
    }
}
