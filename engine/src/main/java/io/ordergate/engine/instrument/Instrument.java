package io.ordergate.engine.instrument;

import java.nio.charset.StandardCharsets;

import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;

/**
 * One tradable instrument: its fixed definition from the configuration and its latest quote.
 * <b>Not thread safe</b>: the quote fields are owned by the engine thread.
 */
public final class Instrument
{
    public final int index;
    public final String symbol;
    public final byte[] symbolBytes;
    public final int priceDigits;
    public final int quantityDigits;
    /** Price units per pip. */
    public final long pipSize;
    public final long contractSize;
    public final long lotStep;
    public final long minQuantity;
    public final long maxQuantity;
    public final String baseCurrency;
    public final String quoteCurrency;

    public long bid = OrderView.NONE;
    public long ask = OrderView.NONE;
    public long quoteMicros;

    Instrument(final int index, final InstrumentSpec spec)
    {
        this.index = index;
        this.symbol = spec.symbol();
        this.symbolBytes = spec.symbol().getBytes(StandardCharsets.US_ASCII);
        this.priceDigits = spec.priceDigits();
        this.quantityDigits = spec.quantityDigits();
        this.pipSize = spec.pipSize();
        this.contractSize = spec.contractSize();
        this.lotStep = spec.lotStep();
        this.minQuantity = spec.minQuantity();
        this.maxQuantity = spec.maxQuantity();
        this.baseCurrency = spec.baseCurrency();
        this.quoteCurrency = spec.quoteCurrency();
    }

    public boolean hasQuote()
    {
        return bid != OrderView.NONE;
    }

    /** The price a market order on this side fills at: the ask for a buy, the bid for a sell. */
    public long executablePrice(final boolean buy)
    {
        return buy ? ask : bid;
    }

    /**
     * True when the current quote fills an order of this type and price now: a market order, a limit the quote is at
     * or through, a stop the quote has reached. Such an order fills at {@link #executablePrice}, not at its own price.
     */
    public boolean fillsNow(final OrderType type, final boolean buy, final long price)
    {
        if (!hasQuote())
        {
            return false;
        }
        switch (type)
        {
            case MARKET: return true;
            case LIMIT: return buy ? ask <= price : bid >= price;
            case STOP: return buy ? ask >= price : bid <= price;
            default: return false;
        }
    }
}
