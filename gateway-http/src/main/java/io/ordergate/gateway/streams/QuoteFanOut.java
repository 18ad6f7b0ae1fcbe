package io.ordergate.gateway.streams;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;

import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * The quotes' part of the fan-out, per accepted QUOTES command (a pass): each instrument's quote, price message and
 * candles encoded once into pooled buffers and handed to every subscribed socket as its own duplicate
 * ({@link SharedFrames}); every socket given something is drained once at the end of the pass, so it writes the
 * whole command's quotes with one flush. Nothing is allocated on the heap per socket in steady state.
 * <b>Not thread safe</b>: the fan-out thread.
 */
final class QuoteFanOut
{
    private final LiveMarket market;
    private final Subscriptions subscriptions;
    private final StreamMessages messages;
    /** Sockets given quotes in the current pass, drained once at its end. */
    private final List<StreamSocket> touched = new ArrayList<>();
    /** The current instrument's candle frames, by timeframe, encoded when a subscriber first needs one. */
    private final ByteBuf[] candles = new ByteBuf[Timeframe.COUNT];

    QuoteFanOut(final LiveMarket market, final Subscriptions subscriptions, final StreamMessages messages)
    {
        this.market = market;
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    /**
     * Gives an instrument's new quote and candles to its subscribers, newest replacing what they have not read: each
     * message encoded once and shared ({@link SharedFrames}); the sockets are drained after the whole command.
     */
    void quoted(final int index)
    {
        final List<Subscriptions.Entry> entries = subscriptions.ofSymbol(market.symbol(index));
        if (entries == null)
        {
            return;
        }
        ByteBuf quote = null;
        ByteBuf price = null;
        for (int i = 0; i < entries.size(); i++)
        {
            final Subscriptions.Entry entry = entries.get(i);
            if (!entry.live())
            {
                continue;
            }
            final StreamSocket socket = entry.socket();
            if (entry.channel() == StreamChannel.CANDLES)
            {
                final int timeframe = entry.timeframe().ordinal();
                if (candles[timeframe] == null)
                {
                    market.writeCandle(index, entry.timeframe(), messages.begin("candle"));
                    candles[timeframe] = messages.endShared();
                }
                socket.pushLatest(entry.key(), candles[timeframe]);
            }
            else if (socket.isPriceSocket())
            {
                if (price == null)
                {
                    market.writePrice(index, messages.bareWriter());
                    price = messages.bareFrame();
                }
                socket.pushLatest(entry.key(), price);
            }
            else
            {
                if (quote == null)
                {
                    market.writeQuote(index, messages.begin("quote"));
                    quote = messages.endShared();
                }
                socket.pushLatest(entry.key(), quote);
            }
            touch(socket);
        }
        release(quote);
        release(price);
        for (int i = 0; i < candles.length; i++)
        {
            release(candles[i]);
            candles[i] = null;
        }
    }

    /**
     * A quote subscription starts (its turn on the fan-out thread, so in ring order with the quotes): a price socket is
     * given the newest price, a user socket a snapshot of the quote (null before the first); the quotes after it follow.
     */
    void start(final StreamSocket socket, final StreamRequest subscription, final long generation)
    {
        final String key = subscription.key();
        final String symbol = subscription.id();
        if (!socket.isOpen() || !socket.held().holds(key, generation))
        {
            return;
        }
        final int index = market.index(symbol);
        if (index < 0)
        {
            socket.held().release(key, generation);
            socket.push(StreamMessages.subscriptionError(subscription, ResultCode.NOT_FOUND.name(), "unknown symbol", "symbol"));
            return;
        }
        if (socket.isPriceSocket())
        {
            if (market.hasQuote(index))
            {
                market.writePrice(index, messages.bareWriter());
                final ByteBuf price = messages.bareFrame();
                socket.pushLatest(key, price);
                price.release();
                socket.drainSoon();
            }
        }
        else
        {
            final JsonWriter json = messages.beginWithout("snapshot").name("channel").string("quotes");
            json.name("symbol").string(symbol).name("data");
            if (market.hasQuote(index))
            {
                market.writeQuote(index, json);
            }
            else
            {
                json.nullValue();
            }
            socket.push(messages.end());
        }
        subscriptions.add(new Subscriptions.Entry(socket, StreamChannel.QUOTES, key, null, generation), symbol);
    }

    private void touch(final StreamSocket socket)
    {
        if (!socket.touched)
        {
            socket.touched = true;
            touched.add(socket);
        }
    }

    private static void release(final ByteBuf shared)
    {
        if (shared != null)
        {
            shared.release();  // the hub's own reference: each socket holds its duplicate
        }
    }

    /**
     * The pass is over: every socket given quotes in it is drained once (one write and one flush each), in its event
     * loop's paced quote turns ({@link PacedDrains}), not all at once.
     */
    void endPass()
    {
        for (int i = 0; i < touched.size(); i++)
        {
            final StreamSocket socket = touched.get(i);
            socket.touched = false;
            socket.drainPaced();
        }
        touched.clear();
    }
}
