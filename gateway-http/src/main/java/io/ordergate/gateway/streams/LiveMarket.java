package io.ordergate.gateway.streams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.view.JsonWriter;

/**
 * The fan-out's own view of the market: the latest quote of every instrument and its newest candle in every
 * timeframe, fed with every accepted quote (at start-up from the journal, then from the ring), by the engine's rule
 * ({@code engine.candle.CandleSeries}: the bid, periods from the epoch, a late quote goes to the newest candle). Fed
 * the same quotes in the same order, it holds the same newest candle as the engine, without asking it.
 * Prices are at the wire's 8 digits. <b>Not thread safe</b>: the fan-out thread (the replaying thread before it).
 */
final class LiveMarket
{
    private static final int START = 0;
    private static final int END = 1;
    private static final int OPEN = 2;
    private static final int HIGH = 3;
    private static final int LOW = 4;
    private static final int CLOSE = 5;
    private static final int VOLUME = 6;
    private static final int FIELDS = 7;

    private final String[] symbols;
    private final Map<String, Integer> bySymbol = new HashMap<>();
    private final long[] bid;
    private final long[] ask;
    private final long[] time;
    private final long[] candles;

    LiveMarket(final List<InstrumentSpec> instruments)
    {
        symbols = new String[instruments.size()];
        for (int i = 0; i < symbols.length; i++)
        {
            symbols[i] = instruments.get(i).symbol();
            bySymbol.put(symbols[i], i);
        }
        bid = new long[symbols.length];
        ask = new long[symbols.length];
        time = new long[symbols.length];
        java.util.Arrays.fill(bid, OrderView.NONE);
        candles = new long[symbols.length * Timeframe.COUNT * FIELDS];
        for (int i = 0; i < symbols.length * Timeframe.COUNT; i++)
        {
            candles[i * FIELDS + END] = Long.MIN_VALUE;
        }
    }

    /** The instrument's index, or -1 for a symbol the gateway does not trade. */
    int index(final String symbol)
    {
        final Integer index = bySymbol.get(symbol);
        return index == null ? -1 : index;
    }

    String symbol(final int index)
    {
        return symbols[index];
    }

    boolean hasQuote(final int index)
    {
        return bid[index] != OrderView.NONE;
    }

    /** An accepted quote (wire digits) at the command's time. */
    void quoted(final int index, final long bidWire, final long askWire, final long micros)
    {
        bid[index] = bidWire;
        ask[index] = askWire;
        time[index] = micros;
        for (int ordinal = 0; ordinal < Timeframe.COUNT; ordinal++)
        {
            // by ordinal: values() copies its array, once per quote on the fan-out thread
            final Timeframe timeframe = Timeframe.fromOrdinal(ordinal);
            final int at = (index * Timeframe.COUNT + ordinal) * FIELDS;
            if (micros < candles[at + END])
            {
                candles[at + HIGH] = Math.max(candles[at + HIGH], bidWire);
                candles[at + LOW] = Math.min(candles[at + LOW], bidWire);
                candles[at + CLOSE] = bidWire;
                candles[at + VOLUME]++;
                continue;
            }
            final long start = Math.floorDiv(micros, timeframe.micros()) * timeframe.micros();
            candles[at + START] = start;
            candles[at + END] = start + timeframe.micros();
            candles[at + OPEN] = bidWire;
            candles[at + HIGH] = bidWire;
            candles[at + LOW] = bidWire;
            candles[at + CLOSE] = bidWire;
            candles[at + VOLUME] = 1;
        }
    }

    /** API.md's quote object: {@code {"symbol", "bid", "ask", "time"}}. */
    void writeQuote(final int index, final JsonWriter json)
    {
        json.startObject().name("symbol").string(symbols[index]);
        json.name("bid").decimal(bid[index], NewOrderBody.WIRE_DIGITS);
        json.name("ask").decimal(ask[index], NewOrderBody.WIRE_DIGITS);
        json.name("time").time(time[index]);
        json.endObject();
    }

    /** Seed 002's price message: {@code {"symbol", "bid", "ask", "timestamp"}}. */
    void writePrice(final int index, final JsonWriter json)
    {
        json.startObject().name("symbol").string(symbols[index]);
        json.name("bid").decimal(bid[index], NewOrderBody.WIRE_DIGITS);
        json.name("ask").decimal(ask[index], NewOrderBody.WIRE_DIGITS);
        json.name("timestamp").time(time[index]);
        json.endObject();
    }

    /** The newest candle, as {@code GET /api/v1/candles} lists them plus its symbol and timeframe. */
    void writeCandle(final int index, final Timeframe timeframe, final JsonWriter json)
    {
        final int at = (index * Timeframe.COUNT + timeframe.ordinal()) * FIELDS;
        json.startObject().name("symbol").string(symbols[index]).name("timeframe").string(timeframe.apiName());
        json.name("time").time(candles[at + START]);
        json.name("open").decimal(candles[at + OPEN], NewOrderBody.WIRE_DIGITS);
        json.name("high").decimal(candles[at + HIGH], NewOrderBody.WIRE_DIGITS);
        json.name("low").decimal(candles[at + LOW], NewOrderBody.WIRE_DIGITS);
        json.name("close").decimal(candles[at + CLOSE], NewOrderBody.WIRE_DIGITS);
        json.name("volume").number(candles[at + VOLUME]);
        json.endObject();
    }

    /** The state this keeps from the commands applied, for the cluster's snapshots ({@code StateBesideEngine}). */
    void stateRoots(final java.util.Map<String, Object> roots)
    {
        roots.put("streams.market_bid", bid);
        roots.put("streams.market_ask", ask);
        roots.put("streams.market_time", time);
        roots.put("streams.market_candles", candles);
    }
}
