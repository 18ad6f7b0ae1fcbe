package io.ordergate.engine.instrument;

import java.util.List;

import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.util.AsciiIndex;

/** The configured instruments, by index and by symbol. <b>Not thread safe</b>: owned by the engine thread. */
public final class Instruments
{
    private final Instrument[] byIndex;
    private final AsciiIndex bySymbol;

    public Instruments(final List<InstrumentSpec> specs)
    {
        byIndex = new Instrument[specs.size()];
        bySymbol = new AsciiIndex(specs.size());
        for (int i = 0; i < specs.size(); i++)
        {
            byIndex[i] = new Instrument(i, specs.get(i));
            bySymbol.put(byIndex[i].symbolBytes, i);
        }
    }

    public int count()
    {
        return byIndex.length;
    }

    public Instrument get(final int index)
    {
        return byIndex[index];
    }

    /** @return the instrument, or null if the symbol is unknown. */
    public Instrument find(final AsciiView symbol)
    {
        final int index = bySymbol.get(symbol);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }

    public Instrument find(final String symbol)
    {
        final int index = bySymbol.get(symbol);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }
}
