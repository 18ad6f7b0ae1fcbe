package io.ordergate.simulators.mt5;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.simulators.SimulatorJson;

/**
 * Where the simulated terminal gets the prices it fills at. Implementations are called on the terminal's thread.
 */
public interface PriceSource
{
    /** @return {bid, ask}, or null when the symbol has no price */
    BigDecimal[] bidAsk(String symbol);

    /**
     * Reads the gateway's own quote: {@code GET /api/v1/quotes/{symbol}} with a read-scoped API key, so the
     * terminal fills where the gateway's risk checks priced the order.
     */
    static PriceSource gatewayQuotes(final URI baseUrl, final String apiKey, final String apiSecret)
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return symbol ->
        {
            try
            {
                final HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/api/v1/quotes/" + symbol))
                    .timeout(Duration.ofSeconds(2))
                    .header("X-API-Key", apiKey)
                    .header("X-API-Secret", apiSecret)
                    .GET().build();
                final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200)
                {
                    return null;
                }
                final Map<String, Object> quote = SimulatorJson.parseObject(response.body());
                return new BigDecimal[] {SimulatorJson.decimal(quote.get("bid")), SimulatorJson.decimal(quote.get("ask"))};
            }
            catch (final java.io.IOException ex)
            {
                return null;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return null;
            }
        };
    }

    /**
     * A broker's names for the same instruments: the exact symbol first, then its root without a broker suffix
     * ({@code EURUSD.m}, {@code EURUSD-pro}, {@code EURUSDm} → {@code EURUSD}) and the common alias {@code GOLD} →
     * {@code XAUUSD}, as a group member's symbol_suffix or symbol_map would send them.
     */
    static PriceSource withBrokerNames(final PriceSource prices)
    {
        return symbol ->
        {
            final BigDecimal[] exact = prices.bidAsk(symbol);
            if (exact != null)
            {
                return exact;
            }
            final String root = rootSymbol(symbol);
            return root.equals(symbol) ? null : prices.bidAsk(root);
        };
    }

    /** The gateway's symbol behind a broker's name for it. */
    static String rootSymbol(final String brokerSymbol)
    {
        if ("GOLD".equalsIgnoreCase(brokerSymbol))
        {
            return "XAUUSD";
        }
        for (int i = 0; i < brokerSymbol.length(); i++)
        {
            final char c = brokerSymbol.charAt(i);
            if (c == '.' || c == '-' || c == '_' || c == '#')
            {
                return brokerSymbol.substring(0, i);
            }
        }
        // A lower-case suffix straight after a six-letter pair: EURUSDm, EURUSDpro.
        if (brokerSymbol.length() > 6 && Character.isLowerCase(brokerSymbol.charAt(6)))
        {
            return brokerSymbol.substring(0, 6);
        }
        return brokerSymbol;
    }

    /** Prices a test or a script sets: {@link Fixed#set}. */
    final class Fixed implements PriceSource
    {
        private final Map<String, BigDecimal[]> prices = new ConcurrentHashMap<>();

        public Fixed set(final String symbol, final String bid, final String ask)
        {
            prices.put(symbol, new BigDecimal[] {new BigDecimal(bid), new BigDecimal(ask)});
            return this;
        }

        @Override
        public BigDecimal[] bidAsk(final String symbol)
        {
            return prices.get(symbol);
        }
    }
}
