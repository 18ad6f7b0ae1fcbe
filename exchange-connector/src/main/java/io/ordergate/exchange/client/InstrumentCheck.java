package io.ordergate.exchange.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ordergate.config.InstrumentSpec;
import io.ordergate.exchange.spi.SymbolRules;

/**
 * Checks the gateway's instruments against the trading steps an exchange publishes for the same symbols, when an
 * account connects: the price tick ({@code 10^-digits}) and the lot step must be the exchange's, and the configured
 * minimum and maximum quantity within the exchange's. Otherwise the gateway would accept orders the exchange refuses
 * (or refuse orders it would take). Instruments the exchange does not list are not its business. Stateless.
 */
public final class InstrumentCheck
{
    private InstrumentCheck()
    {
    }

    /** Every difference, one line per instrument and field; empty when the configuration agrees with the exchange. */
    public static List<String> differences(final List<InstrumentSpec> instruments, final Map<String, SymbolRules> rules)
    {
        final List<String> differences = new ArrayList<>();
        for (final InstrumentSpec instrument : instruments)
        {
            final SymbolRules exchange = rules.get(instrument.symbol());
            if (exchange == null)
            {
                continue;
            }
            final BigDecimal tick = BigDecimal.ONE.movePointLeft(instrument.priceDigits());
            if (tick.compareTo(exchange.tickSize()) != 0)
            {
                differences.add(instrument.symbol() + ": digits " + instrument.priceDigits() + " (a price tick of " + tick.toPlainString()
                    + ") but the exchange's PRICE_FILTER tickSize is " + exchange.tickSize().toPlainString());
            }
            final BigDecimal step = BigDecimal.valueOf(instrument.lotStep(), instrument.quantityDigits());
            if (step.compareTo(exchange.stepSize()) != 0)
            {
                differences.add(instrument.symbol() + ": lot_step " + step.toPlainString() + " but the exchange's LOT_SIZE stepSize is "
                    + exchange.stepSize().toPlainString());
            }
            final BigDecimal min = BigDecimal.valueOf(instrument.minQuantity(), instrument.quantityDigits());
            if (exchange.minQuantity() != null && min.compareTo(exchange.minQuantity()) < 0)
            {
                differences.add(instrument.symbol() + ": min_quantity " + min.toPlainString() + " is below the exchange's LOT_SIZE minQty "
                    + exchange.minQuantity().stripTrailingZeros().toPlainString());
            }
            final BigDecimal max = BigDecimal.valueOf(instrument.maxQuantity(), instrument.quantityDigits());
            if (exchange.maxQuantity() != null && exchange.maxQuantity().signum() > 0 && max.compareTo(exchange.maxQuantity()) > 0)
            {
                differences.add(instrument.symbol() + ": max_quantity " + max.toPlainString() + " is above the exchange's LOT_SIZE maxQty "
                    + exchange.maxQuantity().stripTrailingZeros().toPlainString());
            }
        }
        return differences;
    }
}
