package io.ordergate.engine;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.fixed.FixedPoint;

/**
 * Drives an {@link Engine} the way the pipeline does: real frames (header, body written by the production encoders
 * at {@link CommandFrame#BODY_OFFSET}), one {@code apply} per command, results read from the event. Every command
 * gets a fresh event so a test can keep earlier answers. The clock only moves when a test moves it. The commands
 * themselves are by feature in the interfaces it implements ({@link OrderCommands}, {@link QuoteCommands},
 * {@link PositionCommands}, {@link AccountCommands}); this class keeps the engine, the clock and the frames.
 */
final class EngineDriver implements OrderCommands, QuoteCommands, PositionCommands, AccountCommands
{
    /** Four instruments covering the valuation cases: quote = USD, base = USD (USDJPY), 2-digit prices, 3-digit lots. */
    static final String CONFIG = String.join("\n",
        "engine: { max_accounts: 16, max_orders: 1024, max_trades: 1024, max_keys: 16 }",
        "pipeline: { ring_size: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "  - { symbol: USDJPY, digits: 3, pip_size: 0.01, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: USD, quote_currency: JPY }",
        "  - { symbol: XAUUSD, digits: 2, pip_size: 0.1, contract_size: 100, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 50, base_currency: XAU, quote_currency: USD }",
        "  - { symbol: BTCUSD, digits: 2, pip_size: 1, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.001, max_quantity: 10, base_currency: BTC, quote_currency: USD }",
        "");

    /** 2026-11-22T10:00:00Z in epoch micros. */
    static final long START_MICROS = 1_795_341_600_000_000L;

    final GatewayConfig config;
    final Engine engine;
    private final BodyWriter writer = new BodyWriter();
    private long nowMicros = START_MICROS;
    private long correlationId;
    private int principal = CommandFrame.PRINCIPAL_SYSTEM;
    private io.ordergate.journal.JournalAppender appender;

    EngineDriver(final GatewayConfig config)
    {
        this.config = config;
        this.engine = new Engine(config);
    }

    /** A fresh engine on {@link #CONFIG} with account paper-1: USD, 100000, leverage 100. */
    static EngineDriver withPaperAccount()
    {
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(CONFIG, "test"));
        driver.expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        return driver;
    }

    /** As {@link #withPaperAccount}, with EURUSD quoted 1.08420 / 1.08428. */
    static EngineDriver withQuotedPaperAccount()
    {
        final EngineDriver driver = withPaperAccount();
        driver.expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        return driver;
    }

    // ---- time and identity ----

    long now()
    {
        return nowMicros;
    }

    EngineDriver at(final long micros)
    {
        nowMicros = micros;
        return this;
    }

    EngineDriver advanceMicros(final long micros)
    {
        nowMicros += micros;
        return this;
    }

    /** Commands after this are sent by {@code principal} (the index a CREATE_KEY answered). */
    EngineDriver as(final int principal)
    {
        this.principal = principal;
        return this;
    }

    EngineDriver asSystem()
    {
        return as(CommandFrame.PRINCIPAL_SYSTEM);
    }

    // ---- frames ----

    /** Starts a frame: reset, header, writer wrapped at the body. Finish with {@link #finish}. */
    @Override
    public BodyWriter begin(final CommandEvent event, final CommandType type)
    {
        event.reset(type);
        event.header(principal, nowMicros, ++correlationId, CommandFrame.SOURCE_HTTP);
        return writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
    }

    @Override
    public void finish(final CommandEvent event)
    {
        event.bodyLength(writer.length());
    }

    /** From now on every journaled command is appended here before the engine applies it, as stage 1 does. */
    EngineDriver journalTo(final io.ordergate.journal.JournalAppender appender)
    {
        this.appender = appender;
        return this;
    }

    @Override
    public CommandEvent apply(final CommandEvent event)
    {
        if (appender != null && event.type.journaled())
        {
            event.journalIndex = appender.append(event.frame, 0, event.frameLength());
        }
        engine.apply(event);
        return event;
    }

    static long wire(final String decimal)
    {
        final long value = FixedPoint.parse(decimal, NewOrderBody.WIRE_DIGITS);
        if (FixedPoint.isError(value))
        {
            throw new IllegalArgumentException("not a wire decimal: " + decimal);
        }
        return value;
    }

    /**
     * The state digest; and, every time, proof that a snapshot carries the whole state: the engine written to a
     * snapshot and read into a fresh one has the same digest and writes the same bytes (so a test of any feature's
     * state is also a test of its snapshot).
     */
    long digest()
    {
        return io.ordergate.engine.snapshot.SnapshotRoundTrip.check(engine, new Engine(config));
    }

    static CommandEvent expect(final ResultCode code, final CommandEvent event)
    {
        if (event.result != code)
        {
            throw new AssertionError("expected " + code + " but was " + event.result + " (" + event.resultMessage
                + (event.resultField != null ? ", field " + event.resultField : "")
                + (event.order.rejectCode != null ? ", order reject " + event.order.rejectCode : "") + ")");
        }
        return event;
    }
}
