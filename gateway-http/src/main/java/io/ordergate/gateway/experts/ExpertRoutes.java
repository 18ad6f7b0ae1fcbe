package io.ordergate.gateway.experts;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.util.concurrent.FastThreadLocal;
import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.candle.Timeframe;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.QueryParameters;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.EmptyObject;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.orders.OrderRequest;

/**
 * Seed 001's experts (API.md "Experts"): a strategy's home on one account. Every route is one engine command: the
 * journaled CREATE_EXPERT (EXCHANGE_CREATE_EXPERT with an exchange block: the account made for it in the same step),
 * CONTROL_EXPERT, EXPERT_STRATEGY and EXPERT_ORDER, the expert's cancels and closes as the ordinary CANCEL_ORDER and
 * CLOSE_POSITION, and the read GET_EXPERT with one view per route. Answers are seed 001's shapes ({@link ExpertAnswers});
 * errors API.md's. Thread safe.
 */
public final class ExpertRoutes implements Feature
{
    private static final int DEFAULT_LOG_LIMIT = 50;
    private static final int DEFAULT_ORDER_LIMIT = 100;
    private static final int DEFAULT_CANDLES = 100;
    private static final int MAX_LIMIT = 1000;
    private static final String[] LOG_TYPES = {"main", "trade", "error"};
    private static final String[] LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"};

    private final Accesses access;
    private final ExpertAccountCreation exchangeAccounts;
    private final FastThreadLocal<OrderRequest> orders;
    /** The configured instruments' contract sizes by symbol (the engine's instruments: an expert's symbol must be one). */
    private final Map<String, Long> contractSizes;

    /**
     * @param instruments      the configured instruments: seed 002's {@code units} become lots by their contract size
     * @param exchangeAccounts makes the exchange account an expert body's {@code exchange} block describes
     */
    public ExpertRoutes(final Accesses access, final List<InstrumentSpec> instruments, final ExpertAccountCreation exchangeAccounts)
    {
        this.access = access;
        this.exchangeAccounts = exchangeAccounts;
        contractSizes = new HashMap<>();
        for (final InstrumentSpec instrument : instruments)
        {
            contractSizes.put(instrument.symbol(), instrument.contractSize());
        }
        this.orders = new FastThreadLocal<>()
        {
            @Override
            protected OrderRequest initialValue()
            {
                return new OrderRequest(contractSizes);
            }
        };
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/experts", access.scope(Scope.TRADE), BodyKind.JSON, this::create))
            .add(Route.get("/api/v1/experts/{expert_id}", access.scope(Scope.READ), e -> view(e, ExpertBodies.VIEW_STATUS, 0, "")))
            .add(Route.post("/api/v1/experts/{expert_id}/control", access.scope(Scope.TRADE), BodyKind.JSON, this::control))
            .add(Route.put("/api/v1/experts/{expert_id}/strategy", access.scope(Scope.TRADE), BodyKind.JSON, this::strategy))
            .add(Route.post("/api/v1/experts/{expert_id}/orders", access.scope(Scope.TRADE), BodyKind.JSON, this::order))
            .add(Route.get("/api/v1/experts/{expert_id}/orders", access.scope(Scope.READ),
                e -> view(e, ExpertBodies.VIEW_ORDERS, limit(e.query(), DEFAULT_ORDER_LIMIT), "")))
            .add(Route.get("/api/v1/experts/{expert_id}/orders/{order_id}", access.scope(Scope.READ),
                e -> view(e, ExpertBodies.VIEW_ORDER, orderId(e), "")))
            .add(Route.delete("/api/v1/experts/{expert_id}/orders/{order_id}", access.scope(Scope.TRADE), this::cancel))
            .add(Route.get("/api/v1/experts/{expert_id}/positions", access.scope(Scope.READ), e -> view(e, ExpertBodies.VIEW_POSITIONS, 0, "")))
            .add(Route.post("/api/v1/experts/{expert_id}/positions/{position_id}/close", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON,
                this::close))
            .add(Route.get("/api/v1/experts/{expert_id}/market/{symbol}/data", access.scope(Scope.READ), this::market))
            .add(Route.get("/api/v1/experts/{expert_id}/account/balance", access.scope(Scope.READ),
                e -> view(e, ExpertBodies.VIEW_BALANCE, 0, "")))
            .add(Route.get("/api/v1/experts/{expert_id}/logs", access.scope(Scope.READ), this::logs));
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        final ExpertRequests request = ExpertRequests.create(exchange.json(), exchange.body(), exchange.bodyLength(), contractSizes.keySet());
        if (request.exchange() != null)
        {
            exchangeAccounts.createThen(exchange, request.accountId(), request.venue(), request.exchange(), id ->
            {
                request.accountId(id);
                return request;
            });
            return;
        }
        exchange.publish(CommandType.CREATE_EXPERT, request, Answers.ENGINE_JSON);
    }

    private void control(final Exchange exchange) throws BadRequest
    {
        final String expertId = expertId(exchange);
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        int action = -1;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals("action"))
            {
                action = in.choice(field, new String[] {"start", "stop"}, "start, stop");
            }
            else
            {
                in.unknownField(field);
            }
        }
        in.finish();
        if (action < 0)
        {
            throw BadRequest.validation("action", "action is required: start or stop");
        }
        final int code = action == 0 ? ExpertBodies.START : ExpertBodies.STOP;
        exchange.publish(CommandType.CONTROL_EXPERT, writer -> writer.putString(expertId).putByte(code), Answers.ENGINE_JSON);
    }

    private void strategy(final Exchange exchange) throws BadRequest
    {
        final String expertId = expertId(exchange);
        final ExpertRequests request = ExpertRequests.strategy(exchange.json(), exchange.body(), exchange.bodyLength());
        if (request.isEmpty())
        {
            throw BadRequest.validation(null, "give at least one strategy parameter (stop_loss_pct, take_profit_pct, trailing_stop_pct,"
                + " max_drawdown_pct, size_type, size_value, leverage, symbol)");
        }
        exchange.publish(CommandType.EXPERT_STRATEGY, writer ->
        {
            writer.putString(expertId);
            request.encodeStrategy(writer);
        }, Answers.ENGINE_JSON);
    }

    private void order(final Exchange exchange) throws BadRequest
    {
        final String expertId = expertId(exchange);
        final OrderRequest order = orders.get();
        order.decodeForExpert(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.EXPERT_ORDER, writer ->
        {
            writer.putString(expertId);
            order.encode(writer);
        }, ExpertAnswers.ORDER_PLACED);
    }

    private void cancel(final Exchange exchange) throws BadRequest
    {
        final String expertId = expertId(exchange);
        final long orderId = orderId(exchange);
        // the engine holds the cancel to the expert's account (another account's order is not found)
        exchange.publish(CommandType.CANCEL_ORDER, writer -> CommandBodies.expertCancel(writer, orderId, expertId), ExpertAnswers.ORDER_CANCELLED);
    }

    private void close(final Exchange exchange) throws BadRequest
    {
        final String expertId = expertId(exchange);
        EmptyObject.check(exchange.json(), exchange.body(), exchange.bodyLength());
        final long positionId = exchange.path().id("position_id");
        if (positionId < 0)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "position not found", "position_id");
        }
        exchange.publish(CommandType.CLOSE_POSITION, writer -> CommandBodies.expertClose(writer, positionId, expertId),
            ExpertAnswers.POSITION_CLOSED);
    }

    /** Seed 001's {@code ?timeframe=&limit=}: the engine's candles; without a timeframe, the expert's own. */
    private void market(final Exchange exchange) throws BadRequest
    {
        final QueryParameters query = exchange.query();
        for (int i = 0; i < query.size(); i++)
        {
            if (!query.name(i).equals("timeframe") && !query.name(i).equals("limit"))
            {
                throw BadRequest.validation(null, "only timeframe and limit may be given");
            }
        }
        final int limit = limit(query, DEFAULT_CANDLES);
        final String named = query.get("timeframe");
        // in any letter case, as on /api/v1/candles (API.md's enumerations): 1H is 1h; 1M (months in trading) is refused
        final Timeframe timeframe = named == null ? null : Timeframe.fromClientApiName(named);
        if (named != null && timeframe == null)
        {
            throw BadRequest.validation("timeframe", "timeframe must be one of 1m, 5m, 15m, 30m, 1h, 4h, 1d");
        }
        final String symbol = exchange.path().text("symbol").toUpperCase(Locale.ROOT);
        if (!Ids.isId(symbol, 16))
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "symbol is not a configured instrument", "symbol");
        }
        final String expertId = expertId(exchange);
        final int ordinal = timeframe == null ? -1 : timeframe.ordinal();
        exchange.publish(CommandType.GET_EXPERT, writer -> writer.putString(expertId).putByte(ExpertBodies.VIEW_MARKET).putLong(limit)
            .putString(symbol).putInt(ordinal), Answers.ENGINE_JSON);
    }

    /** Seed 001's {@code ?log_type=main|trade|error&limit=50&level=INFO}. */
    private void logs(final Exchange exchange) throws BadRequest
    {
        final QueryParameters query = exchange.query();
        for (int i = 0; i < query.size(); i++)
        {
            final String name = query.name(i);
            if (!name.equals("log_type") && !name.equals("limit") && !name.equals("level"))
            {
                throw BadRequest.validation(null, "only log_type, limit and level may be given");
            }
        }
        final int type = choice(query, "log_type", LOG_TYPES, 0);
        final int level = choice(query, "level", LEVELS, 1);
        final long argument = limit(query, DEFAULT_LOG_LIMIT) | (long) type << 32 | (long) level << 40;
        view(exchange, ExpertBodies.VIEW_LOGS, argument, "");
    }

    private static int choice(final QueryParameters query, final String name, final String[] names, final int otherwise)
        throws BadRequest
    {
        final String given = query.get(name);
        if (given == null)
        {
            return otherwise;
        }
        for (int i = 0; i < names.length; i++)
        {
            if (names[i].equalsIgnoreCase(given))
            {
                return i;
            }
        }
        throw BadRequest.validation(name, name + " must be one of " + String.join(", ", names));
    }

    private static int limit(final QueryParameters query, final int otherwise) throws BadRequest
    {
        final String given = query.get("limit");
        if (given == null)
        {
            return otherwise;
        }
        try
        {
            final int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= MAX_LIMIT)
            {
                return limit;
            }
        }
        catch (final NumberFormatException ex)
        {
            // answered below
        }
        throw BadRequest.validation("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private void view(final Exchange exchange, final int view, final long argument, final String symbol) throws BadRequest
    {
        final String expertId = expertId(exchange);
        exchange.publish(CommandType.GET_EXPERT, writer -> writer.putString(expertId).putByte(view).putLong(argument).putString(symbol),
            view == ExpertBodies.VIEW_ORDER ? ExpertAnswers.ORDER : Answers.ENGINE_JSON);
    }

    private static String expertId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("expert_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "expert not found");
    }

    private static long orderId(final Exchange exchange) throws BadRequest
    {
        final long orderId = exchange.path().id("order_id");
        if (orderId < 0)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "order not found", "order_id");
        }
        return orderId;
    }
}
