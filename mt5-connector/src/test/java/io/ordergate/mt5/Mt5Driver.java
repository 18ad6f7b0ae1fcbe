package io.ordergate.mt5;

import io.ordergate.engine.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ordergate.config.ConfigLoader;
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
 * Drives an engine with the MT5 connector installed the way the pipeline does: real frames written by the
 * production encoders, one apply per command. Every frame is also kept, so a test can replay them into a fresh
 * engine. The clock moves only when the test moves it.
 */
final class Mt5Driver
{
    static final String CONFIG = String.join("\n",
        "engine: { max_accounts: 8, max_orders: 64, max_trades: 64, max_keys: 8, max_tickets: 16, max_executor_commands: 32 }",
        "executors: { offline_after_seconds: 300 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");
    static final long START_MICROS = 1_795_341_600_000_000L;

    final Engine engine;
    final Mt5Connector connector;
    private final String config;
    final List<byte[]> journal = new ArrayList<>();
    private final BodyWriter writer = new BodyWriter();
    long now = START_MICROS;

    Mt5Driver()
    {
        this(CONFIG);
    }

    /** With another configuration, e.g. {@code CONFIG} with other {@code executors} settings. */
    Mt5Driver(final String config)
    {
        this.config = config;
        engine = new Engine(ConfigLoader.parse(config, "test"));
        connector = Mt5Connector.install(engine);
    }

    /** Account mt5-1 with executor exe-1 online (a heartbeat) and an EURUSD quote 1.08420 / 1.08428: most tests' start. */
    static Mt5Driver withExecutorOnline()
    {
        final Mt5Driver driver = new Mt5Driver();
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        driver.heartbeat("exe-1");
        return driver;
    }

    static long wire(final String decimal)
    {
        return FixedPoint.parse(decimal, NewOrderBody.WIRE_DIGITS);
    }

    BodyWriter begin(final CommandEvent event, final CommandType type)
    {
        event.reset(type);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, now, 1, CommandFrame.SOURCE_HTTP);
        return writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
    }

    private boolean prepareOnly;

    /** Encodes a command without applying it (for measuring apply alone). */
    CommandEvent prepare(final java.util.function.Function<Mt5Driver, CommandEvent> command)
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

    CommandEvent finish(final CommandEvent event)
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

    CommandEvent mt5Account(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createAccount(begin(event, CommandType.CREATE_ACCOUNT), accountId, CommandBodies.VENUE_MT5, "USD", wire("10000"), 100);
        return finish(event);
    }

    CommandEvent createExecutor(final String executorId, final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.createExecutor(begin(event, CommandType.CREATE_EXECUTOR), executorId, "My MT5 Executor", "MT5", accountId,
            "exe_key", new byte[32]);
        return finish(event);
    }

    CommandEvent heartbeat(final String executorId)
    {
        final CommandEvent event = new CommandEvent();
        final byte[] metadata = "{\"accountBalance\":10500.5,\"accountEquity\":10600.25}".getBytes(StandardCharsets.UTF_8);
        ExecutorBodies.heartbeat(begin(event, CommandType.EXECUTOR_HEARTBEAT), executorId, "online",
            ExecutorBodies.HEARTBEAT_BALANCE | ExecutorBodies.HEARTBEAT_EQUITY, wire("10500.5"), wire("10600.25"), 0, metadata, metadata.length);
        return finish(event);
    }

    CommandEvent control(final String executorId, final ExecutorCommandType type, final CommandPriority priority)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.executorCommand(begin(event, CommandType.EXECUTOR_COMMAND), executorId, type, priority, new byte[0], 0);
        return finish(event);
    }

    CommandEvent quote(final String bid, final String ask)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.QUOTES);
        CommandBodies.quotesHeader(body, 1);
        CommandBodies.quote(body, "EURUSD", wire(bid), wire(ask));
        return finish(event);
    }

    CommandEvent buy(final String accountId, final String lots)
    {
        final CommandEvent event = new CommandEvent();
        NewOrderBody.encode(begin(event, CommandType.NEW_ORDER), accountId, "EURUSD", Side.BUY, OrderType.MARKET, null, 0,
            wire(lots), 0, 0, 0, 0, 0, "");
        return finish(event);
    }

    CommandEvent result(final String executorId, final String commandId, final boolean executed, final long ticket, final String price,
        final String lots, final String message)
    {
        final CommandEvent event = new CommandEvent();
        final int flags = (executed ? ExecutorBodies.RESULT_SUCCESS : 0)
            | (ticket != 0 ? ExecutorBodies.RESULT_TICKET : 0)
            | (price != null ? ExecutorBodies.RESULT_PRICE : 0)
            | (lots != null ? ExecutorBodies.RESULT_LOTS : 0);
        ExecutorBodies.commandResult(begin(event, CommandType.COMMAND_RESULT), executorId, commandId,
            executed ? ExecutorBodies.STATUS_EXECUTED : ExecutorBodies.STATUS_FAILED, flags, ticket,
            price == null ? 0 : wire(price), lots == null ? 0 : wire(lots), 0, message, new byte[0], 0, 0);
        return finish(event);
    }

    CommandEvent tradeOpen(final String executorId, final long ticket, final String symbol, final String lots, final String price)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(begin(event, CommandType.TRADE_REPORT), executorId, ExecutorBodies.TRADE_OPEN,
            ExecutorBodies.TRADE_LOTS | ExecutorBodies.TRADE_OPEN_PRICE, ticket, symbol, Side.BUY.code(), wire(lots), wire(price),
            0, 0, 0, 0, 0, 0, 0, "", 0, 0);
        return finish(event);
    }

    CommandEvent tradeClose(final String executorId, final long ticket, final String profit, final String commission, final String swap)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(begin(event, CommandType.TRADE_REPORT), executorId, ExecutorBodies.TRADE_CLOSE,
            ExecutorBodies.TRADE_PROFIT | ExecutorBodies.TRADE_COMMISSION | ExecutorBodies.TRADE_SWAP | ExecutorBodies.TRADE_CLOSE_PRICE,
            ticket, "", 0, 0, 0, 0, 0, 0, wire("1.1"), wire(commission), wire(swap), wire(profit), "", 0, 0);
        return finish(event);
    }

    /** A partial-close report: {@code closed} lots gone by hand (or by a command whose result is still to come), with its deal. */
    CommandEvent tradePartial(final String executorId, final long ticket, final String closed, final String profit, final long deal)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(begin(event, CommandType.TRADE_REPORT), executorId, ExecutorBodies.TRADE_PARTIAL,
            ExecutorBodies.TRADE_PROFIT | ExecutorBodies.TRADE_CLOSE_PRICE, ticket, "", 0, 0, 0, 0, 0, 0, wire("1.085"), 0, 0, wire(profit), "",
            wire(closed), deal);
        return finish(event);
    }

    /** An open report for a known ticket telling its volume and average price now (a netting account that grew). */
    CommandEvent tradeVolume(final String executorId, final long ticket, final String lots, final String price)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(begin(event, CommandType.TRADE_REPORT), executorId, ExecutorBodies.TRADE_OPEN,
            ExecutorBodies.TRADE_LOTS | ExecutorBodies.TRADE_OPEN_PRICE, ticket, "EURUSD", Side.BUY.code(), wire(lots), wire(price),
            0, 0, 0, 0, 0, 0, 0, "", 0, 0);
        return finish(event);
    }

    /** An open report for a known ticket telling the stop loss the terminal holds now (one moved by hand there). */
    CommandEvent tradeStopLoss(final String executorId, final long ticket, final String stopLoss)
    {
        final CommandEvent event = new CommandEvent();
        ExecutorBodies.tradeReport(begin(event, CommandType.TRADE_REPORT), executorId, ExecutorBodies.TRADE_OPEN, ExecutorBodies.TRADE_STOP_LOSS,
            ticket, "EURUSD", Side.BUY.code(), 0, 0, wire(stopLoss), 0, 0, 0, 0, 0, 0, "", 0, 0);
        return finish(event);
    }

    /** A close of the position (whole, or {@code quantity} of it), as POST /api/v1/positions/{id}/close. */
    CommandEvent close(final long positionId, final String quantity)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.closePosition(begin(event, CommandType.CLOSE_POSITION), positionId, quantity != null, quantity == null ? 0 : wire(quantity));
        return finish(event);
    }

    /** The account's kill switch, as POST /api/v1/accounts/{id}/close-all. */
    CommandEvent closeAll(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.CLOSE_ALL), accountId);
        return finish(event);
    }

    /** The account deleted, as DELETE /api/v1/accounts/{id} (it must be flat and idle). */
    CommandEvent deleteAccount(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.DELETE_ACCOUNT), accountId);
        return finish(event);
    }

    /** Every open order cancelled and every position closed, as POST /api/v1/trading/terminate/{account_id}. */
    CommandEvent terminate(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.TERMINATE_ACCOUNT), accountId);
        return finish(event);
    }

    /** A stop-loss change of the position, as PATCH /api/v1/positions/{id}. */
    CommandEvent modifyStopLoss(final long positionId, final String stopLoss)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.modifyPosition(begin(event, CommandType.MODIFY_POSITION), positionId, CommandBodies.MODIFY_STOP_LOSS, wire(stopLoss), 0);
        return finish(event);
    }

    /** A close's result with its profit and (when not 0) the closing deal's ticket. */
    CommandEvent closeResult(final String executorId, final String commandId, final long ticket, final String profit, final long deal)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.COMMAND_RESULT);
        ExecutorBodies.commandResult(body, executorId, commandId, ExecutorBodies.STATUS_EXECUTED,
            ExecutorBodies.RESULT_SUCCESS | ExecutorBodies.RESULT_TICKET | ExecutorBodies.RESULT_PRICE | ExecutorBodies.RESULT_PROFIT, ticket,
            wire("1.085"), 0, wire(profit), "", new byte[0], 0, 0);
        if (deal != 0)
        {
            ResultParts.deal(body, deal);
        }
        return finish(event);
    }

    CommandEvent investor(final CommandType type, final String accountId, final long login, final String sealed)
    {
        final CommandEvent event = new CommandEvent();
        InvestorBodies.credentials(begin(event, type), accountId, login, "Broker-Demo", sealed, "mt5/investor_password/" + accountId);
        return finish(event);
    }

    CommandEvent investorAccount(final CommandType type, final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        InvestorBodies.accountId(begin(event, type), accountId);
        return finish(event);
    }

    CommandEvent outcome(final long opId)
    {
        final CommandEvent event = new CommandEvent();
        InvestorBodies.outcome(begin(event, CommandType.INVESTOR_OUTCOME), opId);
        return finish(event);
    }

    /** A result whose tagged parts the caller writes (seed 004's). */
    CommandEvent resultWithParts(final String executorId, final String commandId, final boolean executed, final String message,
        final java.util.function.Consumer<BodyWriter> parts)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.COMMAND_RESULT);
        ExecutorBodies.commandResult(body, executorId, commandId, executed ? ExecutorBodies.STATUS_EXECUTED : ExecutorBodies.STATUS_FAILED,
            executed ? ExecutorBodies.RESULT_SUCCESS : 0, 0, 0, 0, 0, message, new byte[0], 0, 0);
        parts.accept(body);
        return finish(event);
    }

    CommandEvent closedPositions(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listTrades(begin(event, CommandType.LIST_CLOSED_POSITIONS), accountId, 0);
        return finish(event);
    }

    CommandEvent recover()
    {
        final CommandEvent event = new CommandEvent();
        begin(event, CommandType.RECOVER_ROUTED);
        return finish(event);
    }

    CommandEvent read(final CommandType type, final String executorId)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, type);
        if (executorId != null)
        {
            ExecutorBodies.executorId(body, executorId);
        }
        return finish(event);
    }

    CommandEvent account(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.GET_ACCOUNT), accountId);
        return finish(event);
    }

    CommandEvent positions(final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, CommandType.LIST_POSITIONS), accountId);
        return finish(event);
    }

    CommandEvent order(final long orderId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.orderId(begin(event, CommandType.GET_ORDER), orderId);
        return finish(event);
    }

    static Map<String, Object> json(final CommandEvent event)
    {
        return Json.output(event);
    }

    /** The outbox records: executor index and JSON text each. */
    static List<Map.Entry<Integer, String>> outbox(final CommandEvent event)
    {
        final List<Map.Entry<Integer, String>> records = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < event.outboxCount; i++)
        {
            final int executor = event.outbox.getInt(offset) & ~CommandQueue.SEALED_FLAG;
            final int length = event.outbox.getInt(offset + 4);
            records.add(Map.entry(executor, event.outbox.getStringWithoutLengthUtf8(offset + 8, length)));
            offset += 8 + length;
        }
        return records;
    }

    /** Replays every journaled frame so far into a fresh engine with the connector; returns it. */
    Mt5Driver replayed()
    {
        final Mt5Driver fresh = new Mt5Driver(config);
        final CommandEvent event = new CommandEvent();
        for (final byte[] frame : journal)
        {
            event.reset(CommandType.fromCode(java.nio.ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0)));
            event.frame.putBytes(0, frame);
            fresh.engine.apply(event);
            fresh.journal.add(frame);
        }
        fresh.now = now;
        return fresh;
    }
}
