package io.ordergate.simulators.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each USDⓈ-M symbol's highest leverage, as {@code GET /fapi/v1/leverageBracket} tells it (its first bracket's
 * {@code initialLeverage}) and as {@code POST /fapi/v1/leverage} holds to (-4028 above it): {@link #DEFAULT_MAX} unless
 * a test set another. One bracket per symbol, whose notional has no cap here: the simulated margin does not tier.
 * Thread safe.
 */
final class LeverageBrackets
{
    /** Binance's highest leverage on any symbol. */
    static final int DEFAULT_MAX = 125;

    private final Map<String, Integer> maxLeverage = new ConcurrentHashMap<>();

    int max(final String symbol)
    {
        return maxLeverage.getOrDefault(symbol, DEFAULT_MAX);
    }

    void max(final String symbol, final int leverage)
    {
        if (leverage < 1 || leverage > DEFAULT_MAX)
        {
            throw new IllegalArgumentException("a symbol's maximum leverage is from 1 to " + DEFAULT_MAX + ", not " + leverage);
        }
        maxLeverage.put(symbol, leverage);
    }

    /** The answer for one symbol (an object, as Binance documents it when {@code symbol} is sent), or for each (a list). */
    Object answer(final String symbol, final List<String> symbols)
    {
        if (symbol != null)
        {
            return of(symbol);
        }
        final List<Object> all = new ArrayList<>();
        symbols.forEach(s -> all.add(of(s)));
        return all;
    }

    private Map<String, Object> of(final String symbol)
    {
        final Map<String, Object> bracket = new LinkedHashMap<>();
        bracket.put("bracket", 1);
        bracket.put("initialLeverage", max(symbol));
        bracket.put("notionalCap", 9_000_000_000_000L);
        bracket.put("notionalFloor", 0);
        bracket.put("maintMarginRatio", 0.004);
        bracket.put("cum", 0.0);
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("symbol", symbol);
        entry.put("brackets", List.of(bracket));
        return entry;
    }
}
