package io.ordergate.engine.quote;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.Wire;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.candle.Candles;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.position.PositionStops;
import io.ordergate.engine.venue.Venues;

/**
 * Applies quotes and what they trigger, quote by quote: the instrument's candles, each venue that matches against the gateway's quotes (the
 * paper venue's resting limit/stop orders), then stop losses and take profits of the engine's net positions. A batch
 * is validated whole before any quote in it is applied.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class QuoteFlow
{
    private final Instruments instruments;
    private final Principals principals;
    private final Venues venues;
    private final PositionStops stops;
    private final Candles candles;
    private final BodyReader reader = new BodyReader();
    private final AsciiView symbol = new AsciiView();

    public QuoteFlow(final EngineContext context, final Venues venues, final PositionStops stops)
    {
        this.instruments = context.instruments();
        this.principals = context.principals();
        this.venues = venues;
        this.stops = stops;
        this.candles = context.candles();
    }

    public void quotes(final CommandEvent event)
    {
        if (!validate(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        final long now = event.wallMicros();
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments.find(reader.readString(symbol));
            instrument.bid = Wire.exact(reader.readLong(), instrument.priceDigits);
            instrument.ask = Wire.exact(reader.readLong(), instrument.priceDigits);
            instrument.quoteMicros = now;
            candles.quoted(instrument);
            venues.quoted(instrument, event);
            stops.trigger(instrument, event);
        }
        event.result = ResultCode.ACCEPTED;
    }

    private boolean validate(final CommandEvent event)
    {
        if (!principals.requireAdmin(event))  // quotes are reference data (API.md)
        {
            return false;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments.find(reader.readString(symbol));
            final long bid = reader.readLong();
            final long ask = reader.readLong();
            if (instrument == null)
            {
                event.reject(ResultCode.UNKNOWN_SYMBOL, "unknown symbol", "symbol");
                return false;
            }
            final long exactBid = Wire.exact(bid, instrument.priceDigits);
            final long exactAsk = Wire.exact(ask, instrument.priceDigits);
            if (exactBid == Wire.INEXACT || exactBid <= 0)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "bid must be positive with at most the instrument's digits", "bid");
                return false;
            }
            if (exactAsk == Wire.INEXACT || exactAsk < exactBid)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "ask must be at least the bid with at most the instrument's digits", "ask");
                return false;
            }
        }
        return true;
    }
}
