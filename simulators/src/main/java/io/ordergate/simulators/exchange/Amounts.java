package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the exchange writes them: strings with eight decimals ({@code "0.00100000"}). Stateless. */
final class Amounts
{
    private Amounts()
    {
    }

    static String text(final BigDecimal value)
    {
        return value.setScale(SymbolRules.PRECISION, RoundingMode.DOWN).toPlainString();
    }
}
