package io.ordergate.engine;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;
import io.ordergate.fixed.FixedPoint;

/**
 * Drives an {@link Engine} the way the pipeline does: real frames (header, body written by the production encoders
 * at {@link CommandFrame#BODY_OFFSET}), one {@code apply} per command, results read from the event. Every command
 * gets a fresh event so a test can keep earlier answers. The clock only moves when a test moves it.
 */
final class EngineDriver
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
    BodyWriter begin(final CommandEvent event, final CommandType type)
    {
        event.reset(type);
        event.header(principal, nowMicros, ++correlationId, CommandFrame.SOURCE_HTTP);
        return writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
    }

    void finish(final CommandEvent event)
    {
        event.bodyLength(writer.length());
    }

    /** From now on every journaled command is appended here before the engine applies it, as stage 1 does. */
    EngineDriver journalTo(final io.ordergate.journal.JournalAppender appender)
    {
        this.appender = appender;
        return this;
    }

    CommandEvent apply(final CommandEvent event)
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

    // ---- commands ----

    NewOrder order(final String accountId, final Side side, final OrderType type, final String symbol, final String quantity)
    {
        return new NewOrder(accountId, side, type, symbol, quantity);
    }

    CommandEvent market(final String accountId, final Side side, final String symbol, final String quantity)
    {
        return order(accountId, side, OrderType.MARKET, symbol, quantity).send();
    }

    CommandEvent limit(final String accountId, final Side side, final String symbol, final String quantity, final String price)
    {
        return order(accountId, side, OrderType.LIMIT, symbol, quantity).price(price).send();
    }

    CommandEvent quote(final String symbol, final String bid, final String ask)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = begin(event, CommandType.QUOTES);
        CommandBodies.quotesHeader(body, 1);
        CommandBodies.quote(body, symbol, wire(bid), wire(ask));
        finish(event);
        return apply(event);
    }

    CommandEvent cancel(final long orderId)
    {
        return orderIdCommand(CommandType.CANCEL_ORDER, orderId);
    }

    CommandEvent getOrder(final long orderId)
    {
        return orderIdCommand(CommandType.GET_ORDER, orderId);
    }

    private CommandEvent orderIdCommand(final CommandType type, final long orderId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.orderId(begin(event, type), orderId);
        finish(event);
        return apply(event);
    }

    CommandEvent closePosition(final long positionId)
    {
        return closePosition(positionId, null);
    }

    CommandEvent closePosition(final long positionId, final String quantity)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.closePosition(begin(event, CommandType.CLOSE_POSITION), positionId, quantity != null,
            quantity == null ? 0 : wire(quantity));
        finish(event);
        return apply(event);
    }

    /** A null stop leaves it as it is; "none" removes it. */
    CommandEvent modifyPosition(final long positionId, final String stopLoss, final String takeProfit)
    {
        final int flags = (stopLoss != null ? CommandBodies.MODIFY_STOP_LOSS : 0) | (takeProfit != null ? CommandBodies.MODIFY_TAKE_PROFIT : 0);
        final CommandEvent event = new CommandEvent();
        CommandBodies.modifyPosition(begin(event, CommandType.MODIFY_POSITION), positionId, flags,
            level(stopLoss), level(takeProfit));
        finish(event);
        return apply(event);
    }

    private static long level(final String text)
    {
        return text == null || "none".equals(text) ? io.ordergate.engine.command.OrderView.NONE : wire(text);
    }

    CommandEvent createAccount(final String accountId, final String currency, final String balance, final int leverage)
    {
        return createAccount(accountId, VenueKind.PAPER, currency, balance, leverage);
    }

    CommandEvent createAccount(final String accountId, final VenueKind venue, final String currency, final String balance, final int leverage)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createAccount(begin(event, CommandType.CREATE_ACCOUNT), accountId, venue.code(), currency, wire(balance), leverage);
        finish(event);
        return apply(event);
    }

    /** One risk limit by its API name, at wire digits like the gateway sends it. */
    CommandEvent setRisk(final String accountId, final String field, final String value)
    {
        final List<String> names = List.of("max_order_quantity", "max_position_quantity", "max_open_orders",
            "max_orders_per_second", "max_notional", "price_collar_pct", "max_daily_loss");
        final int bit = names.indexOf(field);
        if (bit < 0)
        {
            throw new IllegalArgumentException("unknown risk field " + field);
        }
        final long[] values = new long[CommandBodies.RISK_FIELD_COUNT];
        values[bit] = wire(value);
        final CommandEvent event = new CommandEvent();
        CommandBodies.setRisk(begin(event, CommandType.SET_RISK), accountId, 1 << bit, values);
        finish(event);
        return apply(event);
    }

    CommandEvent accountCommand(final CommandType type, final String accountId)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.accountId(begin(event, type), accountId);
        finish(event);
        return apply(event);
    }

    CommandEvent pause(final String accountId)
    {
        return accountCommand(CommandType.PAUSE_ACCOUNT, accountId);
    }

    CommandEvent resume(final String accountId)
    {
        return accountCommand(CommandType.RESUME_ACCOUNT, accountId);
    }

    CommandEvent closeAll(final String accountId)
    {
        return accountCommand(CommandType.CLOSE_ALL, accountId);
    }

    /** Creates an API key and answers its principal. */
    int createKey(final String apiKey, final int scope, final String... accountIds)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.createKey(begin(event, CommandType.CREATE_KEY), apiKey, new byte[32], scope, Arrays.asList(accountIds));
        finish(event);
        expect(ResultCode.CREATED, apply(event));
        return (int)event.resultId;
    }

    CommandEvent listOrders(final String accountId, final int statusFilter, final int limit)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listOrders(begin(event, CommandType.LIST_ORDERS), accountId, statusFilter, limit);
        finish(event);
        return apply(event);
    }

    CommandEvent listTrades(final String accountId, final int limit)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.listTrades(begin(event, CommandType.LIST_TRADES), accountId, limit);
        finish(event);
        return apply(event);
    }

    CommandEvent listPositions(final String accountId)
    {
        return accountCommand(CommandType.LIST_POSITIONS, accountId);
    }

    CommandEvent getAccount(final String accountId)
    {
        return accountCommand(CommandType.GET_ACCOUNT, accountId);
    }

    CommandEvent getQuote(final String symbol)
    {
        final CommandEvent event = new CommandEvent();
        CommandBodies.symbol(begin(event, CommandType.GET_QUOTE), symbol);
        finish(event);
        return apply(event);
    }

    // ---- reading state back through queries ----

    Map<String, Object> account(final String accountId)
    {
        return Json.output(expect(ResultCode.OK, getAccount(accountId)));
    }

    /** The open position of an account in a symbol, or null when flat. */
    @SuppressWarnings("unchecked")
    Map<String, Object> position(final String accountId, final String symbol)
    {
        final List<Object> positions = (List<Object>)Json.output(expect(ResultCode.OK, listPositions(accountId))).get("positions");
        for (final Object position : positions)
        {
            final Map<String, Object> map = (Map<String, Object>)position;
            if (symbol.equals(map.get("symbol")))
            {
                return map;
            }
        }
        return null;
    }

    long positionId(final String accountId, final String symbol)
    {
        final Map<String, Object> position = position(accountId, symbol);
        if (position == null)
        {
            throw new AssertionError("no open position of " + accountId + " in " + symbol);
        }
        return Long.parseLong((String)position.get("position_id"));
    }

    BigDecimal balance(final String accountId)
    {
        return (BigDecimal)account(accountId).get("balance");
    }

    long digest()
    {
        return engine.stateDigest();
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

    /** A new order being built; {@link #send} encodes it with {@link NewOrderBody#encode} and applies it. */
    final class NewOrder
    {
        private final String accountId;
        private final Side side;
        private final OrderType type;
        private final String symbol;
        private final String quantity;
        private TimeInForce timeInForce;
        private int flags;
        private long price;
        private long stopLoss;
        private long takeProfit;
        private long stopLossPips;
        private long takeProfitPips;
        private String clientOrderId = "";

        private NewOrder(final String accountId, final Side side, final OrderType type, final String symbol, final String quantity)
        {
            this.accountId = accountId;
            this.side = side;
            this.type = type;
            this.symbol = symbol;
            this.quantity = quantity;
        }

        NewOrder price(final String value)
        {
            flags |= NewOrderBody.HAS_PRICE;
            price = wire(value);
            return this;
        }

        NewOrder stopLoss(final String value)
        {
            flags |= NewOrderBody.HAS_STOP_LOSS;
            stopLoss = wire(value);
            return this;
        }

        NewOrder takeProfit(final String value)
        {
            flags |= NewOrderBody.HAS_TAKE_PROFIT;
            takeProfit = wire(value);
            return this;
        }

        NewOrder stopLossPips(final String value)
        {
            flags |= NewOrderBody.HAS_STOP_LOSS_PIPS;
            stopLossPips = wire(value);
            return this;
        }

        NewOrder takeProfitPips(final String value)
        {
            flags |= NewOrderBody.HAS_TAKE_PROFIT_PIPS;
            takeProfitPips = wire(value);
            return this;
        }

        NewOrder timeInForce(final TimeInForce value)
        {
            timeInForce = value;
            return this;
        }

        NewOrder clientOrderId(final String value)
        {
            clientOrderId = value;
            return this;
        }

        /** Encodes into {@code event} without applying: for tests that prepare events before measuring. */
        CommandEvent encode(final CommandEvent event)
        {
            NewOrderBody.encode(begin(event, CommandType.NEW_ORDER), accountId, symbol, side, type, timeInForce, flags,
                wire(quantity), price, stopLoss, takeProfit, stopLossPips, takeProfitPips, clientOrderId);
            finish(event);
            return event;
        }

        CommandEvent send()
        {
            return apply(encode(new CommandEvent()));
        }
    }
}
