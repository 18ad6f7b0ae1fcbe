package io.ordergate.exchange.venue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.Side;
import io.ordergate.fixed.FixedPoint;

/**
 * Drives an engine with the exchange connector installed the way the pipeline does: real frames written by the
 * production encoders, one apply per command, every journaled frame kept for replay. The clock moves only when the
 * test moves it. The connector's I/O is not here: the test plays the exchange's reports itself.
 */
final class ExchangeDriver
{
    static final String CONFIG = String.join("\n",
        "engine: { max_accounts: 8, max_orders: 64, max_trades: 64, max_keys: 8 }",
        "instruments:",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
        "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "");
    static final long START_MICROS = 1_795_341_600_000_000L;

    final Engine engine;
    final ExchangeConnector connector;
    final List<byte[]> journal = new ArrayList<>();
    private final BodyWriter writer = new BodyWriter();
    private boolean prepareOnly;
    long now = START_MICROS;

    ExchangeDriver()
    {
        engine = new Engine(ConfigLoader.parse(CONFIG, "test"));
        connector = ExchangeConnector.install(engine);
    }

    static long wire(final String decimal)
    {
        return FixedPoint.parse(decimal, NewOrderBody.WIRE_DIGITS);
    }

    /**
     * Applies commands {@link #prepare}d before, in order; with {@code threads}, returns the bytes this thread allocated
     * in the engine's apply alone (0 without).
     */
    long applyAll(final CommandEvent[] events, final com.sun.management.ThreadMXBean threads)
    {
        final long before = threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
        for (final CommandEvent event : events)
        {
            engine.apply(event);
        }
        return threads == null ? 0 : threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** Encodes a command without applying it (for measuring apply alone). */
    CommandEvent prepare(final Function<ExchangeDriver, CommandEvent> command)
    {
        prepareOnly = true;
        try
        {
            return command.apply(this);
        }
        finally
        {
            prepareOnly = false;
        }
    }

    private BodyWriter begin(final CommandEvent event, final CommandType type)
    {
        event.reset(type);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, now, 1, CommandFrame.SOURCE_HTTP);
        return writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
    }

    private CommandEvent finish(final CommandEvent event)
    {
        event.bodyLength(writer.length());
        if (event.type.journaled())
        {
            final byte[] frame = new byte[event.frameLength()];
            event.frame.getBytes(0, frame);
            journal.add(frame);
        }
        if (!prepareOnly)
        {
            engine.apply(event);
        }
        return event;
    }

    /** Applies a journaled frame as start-up replay does. */
    void replay(final byte[] frame)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.fromCode(new org.agrona.concurrent.UnsafeBuffer(frame).getInt(CommandFrame.TYPE_OFFSET)));
        event.frame.putBytes(0, frame);
        engine.apply(event);
    }

    CommandEvent exchangeAccount(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        ExchangeBodies.createAccount(begin(event, CommandType.EXCHANGE_CREATE_ACCOUNT), accountId, VenueKind.BINANCE.code(), "USD", wire("100000"), 1,
            false, "AbCd\u2026wXyZ", "sealed-key", "sealed-secret", null, ExchangeBodies.ANSWER_ACCOUNT);
        return finish(event);
    }

    /** A USDⓈ-M futures account (one-way), as {@link #exchangeAccount} makes a spot one. */
    CommandEvent futuresAccount(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        ExchangeBodies.createAccount(begin(event, CommandType.EXCHANGE_CREATE_ACCOUNT), accountId, VenueKind.BINANCE.code(), "USD", wire("100000"),
            1, false, "AbCd\u2026wXyZ", "sealed-key", "sealed-secret", null, ExchangeBodies.ANSWER_ACCOUNT, ExchangeBodies.MARKET_FUTURES);
        return finish(event);
    }

    CommandEvent quote(final String bid, final String ask)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.QUOTES);
        CommandBodies.quotesHeader(body, 1);
        CommandBodies.quote(body, "BTCUSDT", wire(bid), wire(ask));
        return finish(event);
    }

    CommandEvent order(final String accountId, final Side side, final String quantity)
    {
        final CommandEvent event = new CommandEvent();
        NewOrderBody.encode(begin(event, CommandType.NEW_ORDER), accountId, "BTCUSDT", side, OrderType.MARKET, null, 0,
            wire(quantity), 0, 0, 0, 0, 0, "");
        return finish(event);
    }

    /** The exchange's word on an order: cumulative quantity and quote amount, as the connector reports them. */
    CommandEvent report(final String accountId, final long orderId, final int status, final String cumulativeQty, final String cumulativeQuote,
        final String venueOrderId)
    {
        final CommandEvent event = new CommandEvent();
        ExchangeBodies.report(begin(event, CommandType.EXCHANGE_REPORT), accountId, orderId, ExchangeBodies.REPORT_STATE, status,
            wire(cumulativeQty), wire(cumulativeQuote), venueOrderId, null, null, 0);
        return finish(event);
    }

    /** The same with a commission (quote asset) told for the last {@code feeQuantity} of the cumulative quantity. */
    CommandEvent report(final String accountId, final long orderId, final int status, final String cumulativeQty, final String cumulativeQuote,
        final String fee, final String feeQuantity)
    {
        final CommandEvent event = new CommandEvent();
        ExchangeBodies.report(begin(event, CommandType.EXCHANGE_REPORT), accountId, orderId, ExchangeBodies.REPORT_STATE, status,
            wire(cumulativeQty), wire(cumulativeQuote), "7", null, null, 0, wire(fee), wire(feeQuantity));
        return finish(event);
    }

    CommandEvent command(final CommandType type, final java.util.function.Consumer<BodyWriter> body)
    {
        final CommandEvent event = new CommandEvent();
        body.accept(begin(event, type));
        return finish(event);
    }
}
