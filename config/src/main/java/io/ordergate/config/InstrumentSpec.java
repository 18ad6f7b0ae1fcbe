package io.ordergate.config;

import java.util.regex.Pattern;

import io.ordergate.fixed.FixedPoint;

/**
 * One tradable instrument: its symbol, the scales of its prices and quantities, and its trading steps.
 * Prices are longs at {@link #priceDigits()}, quantities longs at {@link #quantityDigits()}.
 * Immutable: safe from any thread.
 */
public final class InstrumentSpec
{
    public static final int MAX_DIGITS = 8;

    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9._-]{1,16}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final int index;
    private final String symbol;
    private final int priceDigits;
    private final long pipSize;
    private final long contractSize;
    private final int quantityDigits;
    private final long lotStep;
    private final long minQuantity;
    private final long maxQuantity;
    private final String baseCurrency;
    private final String quoteCurrency;
    private final long demoBid;
    private final long demoAsk;

    InstrumentSpec(
        final int index, final String symbol, final int priceDigits, final long pipSize, final long contractSize,
        final int quantityDigits, final long lotStep, final long minQuantity, final long maxQuantity,
        final String baseCurrency, final String quoteCurrency, final long demoBid, final long demoAsk)
    {
        this.index = index;
        this.symbol = symbol;
        this.priceDigits = priceDigits;
        this.pipSize = pipSize;
        this.contractSize = contractSize;
        this.quantityDigits = quantityDigits;
        this.lotStep = lotStep;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
        this.baseCurrency = baseCurrency;
        this.quoteCurrency = quoteCurrency;
        this.demoBid = demoBid;
        this.demoAsk = demoAsk;
    }

    static InstrumentSpec read(final YamlSection s, final int index)
    {
        final String symbol = s.matching("symbol", null, SYMBOL, "1 to 16 of A-Z 0-9 . _ -");
        final int digits = s.requiredInt("digits", 0, MAX_DIGITS);
        final String priceScale = digits + " decimal places (digits)";
        final long pipSize = s.decimal("pip_size", digits, priceScale);
        positive(s, "pip_size", pipSize, digits);
        final long contractSize = s.requiredLong("contract_size", 1, Long.MAX_VALUE);

        final String lotStepText = s.requiredString("lot_step");
        final int quantityDigits = FixedPoint.fractionDigits(lotStepText);
        if (quantityDigits > MAX_DIGITS)
        {
            throw new ConfigException(s.pathOf("lot_step"),
                "must have at most " + MAX_DIGITS + " decimal places, was " + lotStepText);
        }
        final String quantityScale = quantityDigits + " decimal places (lot_step " + lotStepText + ")";
        final long lotStep = s.decimal("lot_step", Math.max(0, quantityDigits), quantityScale);
        positive(s, "lot_step", lotStep, quantityDigits);
        final long minQuantity = quantity(s, "min_quantity", quantityDigits, quantityScale, lotStep, lotStepText);
        final long maxQuantity = quantity(s, "max_quantity", quantityDigits, quantityScale, lotStep, lotStepText);
        if (maxQuantity < minQuantity)
        {
            throw new ConfigException(s.pathOf("max_quantity"),
                "must not be less than min_quantity " + FixedPoint.toString(minQuantity, quantityDigits) +
                ", was " + FixedPoint.toString(maxQuantity, quantityDigits));
        }
        final String base = s.matching("base_currency", null, CURRENCY, "3 capital letters");
        final String quote = s.matching("quote_currency", null, CURRENCY, "3 capital letters");

        long demoBid = 0;
        long demoAsk = 0;
        if (s.has("demo_bid") || s.has("demo_ask"))
        {
            demoBid = s.decimal("demo_bid", digits, priceScale);
            demoAsk = s.decimal("demo_ask", digits, priceScale);
            positive(s, "demo_bid", demoBid, digits);
            if (demoAsk <= demoBid)
            {
                throw new ConfigException(s.pathOf("demo_ask"), "must be greater than demo_bid " +
                    FixedPoint.toString(demoBid, digits) + ", was " + FixedPoint.toString(demoAsk, digits));
            }
        }
        s.string("demo_bid", null);  // both keys are known even when absent or ~
        s.string("demo_ask", null);
        s.finish();
        return new InstrumentSpec(index, symbol, digits, pipSize, contractSize, quantityDigits, lotStep,
            minQuantity, maxQuantity, base, quote, demoBid, demoAsk);
    }

    private static long quantity(
        final YamlSection s, final String key, final int digits, final String scale, final long lotStep,
        final String lotStepText)
    {
        final long value = s.decimal(key, digits, scale);
        positive(s, key, value, digits);
        if (value % lotStep != 0)
        {
            throw new ConfigException(s.pathOf(key), "must be a multiple of lot_step " + lotStepText +
                ", was " + FixedPoint.toString(value, digits));
        }
        return value;
    }

    private static void positive(final YamlSection s, final String key, final long value, final int digits)
    {
        if (value <= 0)
        {
            throw new ConfigException(s.pathOf(key), "must be greater than 0, was " +
                FixedPoint.toString(value, digits));
        }
    }

    /** Position in the configuration's instrument list, from 0: a dense id for array-indexed tables. */
    public int index()
    {
        return index;
    }

    public String symbol()
    {
        return symbol;
    }

    /** Decimal digits of every price of this instrument (YAML {@code digits}). */
    public int priceDigits()
    {
        return priceDigits;
    }

    /** One pip in price units: 0.0001 at 5 digits is 10. */
    public long pipSize()
    {
        return pipSize;
    }

    /** Units of the base asset in one lot (quantity 1). */
    public long contractSize()
    {
        return contractSize;
    }

    /** Decimal digits of every quantity, derived from the text of {@code lot_step}: 0.01 gives 2. */
    public int quantityDigits()
    {
        return quantityDigits;
    }

    /** Smallest quantity increment, in quantity units. */
    public long lotStep()
    {
        return lotStep;
    }

    public long minQuantity()
    {
        return minQuantity;
    }

    public long maxQuantity()
    {
        return maxQuantity;
    }

    public String baseCurrency()
    {
        return baseCurrency;
    }

    public String quoteCurrency()
    {
        return quoteCurrency;
    }

    /** Starting bid of the simulated quote feed in price units; 0 when this instrument has no demo quote. */
    public long demoBid()
    {
        return demoBid;
    }

    /** Starting ask of the simulated quote feed in price units; 0 when this instrument has no demo quote. */
    public long demoAsk()
    {
        return demoAsk;
    }

    @Override
    public String toString()
    {
        return "InstrumentSpec{" + index + ':' + symbol + ", digits=" + priceDigits +
            ", pipSize=" + FixedPoint.toString(pipSize, priceDigits) + ", contractSize=" + contractSize +
            ", lotStep=" + FixedPoint.toString(lotStep, quantityDigits) +
            ", min=" + FixedPoint.toString(minQuantity, quantityDigits) +
            ", max=" + FixedPoint.toString(maxQuantity, quantityDigits) + ", " + baseCurrency + '/' + quoteCurrency +
            (demoBid == 0 ? "" : ", demo=" + FixedPoint.toString(demoBid, priceDigits) + '/' +
            FixedPoint.toString(demoAsk, priceDigits)) + '}';
    }
}
