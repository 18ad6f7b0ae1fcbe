package io.ordergate.exchange.spi;

import java.math.BigDecimal;

/** A fill's commission valued in its symbol's quote asset, the same way for every dialect. */
public final class Commissions
{
    private Commissions()
    {
    }

    /**
     * A commission paid in {@code asset} in the symbol's quote asset: as is when paid in the quote asset, times the fill's
     * {@code price} when paid in the base asset; 0 in any other asset (a BNB discount), which the gateway cannot value.
     *
     * @param symbol written without a separator (BTCUSDT; OKX's BTC-USDT without its dash)
     */
    public static BigDecimal inQuote(final String symbol, final BigDecimal commission, final String asset, final BigDecimal price)
    {
        if (commission.signum() == 0 || asset.isEmpty() || asset.length() >= symbol.length())
        {
            return BigDecimal.ZERO;
        }
        if (symbol.endsWith(asset))
        {
            return commission;
        }
        return symbol.startsWith(asset) ? commission.multiply(price) : BigDecimal.ZERO;
    }
}
