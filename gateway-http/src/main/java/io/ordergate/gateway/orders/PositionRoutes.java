package io.ordergate.gateway.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ordergate.config.InstrumentSpec;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.fixed.Money;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * Positions (list, change stops, close in whole or part), closed positions (every close, newest first; also at seed
 * 003's {@code GET /trading/positions/{account_id}}, a bare array) and trades (fills, newest first). Thread safe.
 */
public final class PositionRoutes implements Feature
{
    private final Accesses access;
    private final ReadBudget readBudget;
    private final Seed002Positions seed002;

    /**
     * @param instruments the configured instruments: a seed-002 position's {@code units} are lots × their contract size
     * @param readBudget  list rows per caller per second: the position, closed-position and trade lists read in slices
     */
    public PositionRoutes(final Accesses access, final List<InstrumentSpec> instruments, final ReadBudget readBudget)
    {
        this.access = access;
        this.readBudget = readBudget;
        final Map<String, Long> contractSizes = new HashMap<>();
        for (final InstrumentSpec instrument : instruments)
        {
            contractSizes.put(instrument.symbol(), instrument.contractSize());
        }
        this.seed002 = new Seed002Positions(contractSizes);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/positions", access.scope(Scope.READ), exchange -> SlicedList.startPositions(exchange, readBudget, seed002)))
            .add(Route.get("/api/v1/positions/closed", access.scope(Scope.READ),
                exchange -> SlicedList.start(CommandType.LIST_CLOSED_POSITIONS, exchange, readBudget, null)))
            .add(Route.patch("/api/v1/positions/{position_id}", access.scope(Scope.TRADE), BodyKind.JSON, this::modify))
            .add(Route.post("/api/v1/positions/{position_id}/close", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::close))
            .add(Route.delete("/api/v1/positions/{position_id}", access.scope(Scope.TRADE), this::closeSeed002))
            .add(Route.get("/api/v1/trading/positions/{account_id}", access.scope(Scope.READ), exchange -> SlicedList.startSeed003ClosedPositions(
                exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found"), exchange, readBudget)))
            .add(Route.get("/api/v1/trades", access.scope(Scope.READ),
                exchange -> SlicedList.start(CommandType.LIST_TRADES, exchange, readBudget, null)));
    }

    private void modify(final Exchange exchange) throws BadRequest
    {
        exchange.publish(CommandType.MODIFY_POSITION,
            PositionRequests.modifyPosition(exchange.json(), exchange.body(), exchange.bodyLength(), positionId(exchange)), OrderAnswer.ORDER);
    }

    private void close(final Exchange exchange) throws BadRequest
    {
        exchange.publish(CommandType.CLOSE_POSITION,
            PositionRequests.closePosition(exchange.json(), exchange.body(), exchange.bodyLength(), positionId(exchange)), OrderAnswer.ORDER);
    }

    /**
     * Seed 002's close: {@code DELETE /api/v1/positions/{id}?broker_connection_id=} closes the whole position and answers
     * {@code {"closed_price", "pnl", "closed_at"}} (and the closing order's id and status). A venue that fills later
     * (MT5: the terminal's result) answers {@code "status": "routed"} with nulls until then.
     */
    private void closeSeed002(final Exchange exchange) throws BadRequest
    {
        String brokerConnectionId = null;
        for (int i = 0; i < exchange.query().size(); i++)
        {
            final String name = exchange.query().name(i);
            if (!name.equals("broker_connection_id") || !Ids.isId(exchange.query().value(i), Ids.MAX_LENGTH))
            {
                throw BadRequest.validation(name.length() > Ids.MAX_LENGTH ? null : name, "only broker_connection_id (an account id) may be given");
            }
            brokerConnectionId = exchange.query().value(i);
        }
        // named, it scopes the close: a position of another of the caller's accounts answers 404 as one that does not exist
        exchange.publish(CommandType.CLOSE_POSITION, new PositionRequests.AccountClosePosition(positionId(exchange), brokerConnectionId), CLOSED);
    }

    private static final Answer CLOSED = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        final OrderView order = event.order;
        final boolean filled = order.status == OrderStatus.FILLED;
        json.startObject().name("closed_price");
        if (filled)
        {
            json.decimal(order.averagePrice, order.priceDigits).name("pnl").decimal(order.realizedPnl, Money.DIGITS)
                .name("closed_at").time(order.updatedAtMicros);
        }
        else
        {
            json.nullValue().name("pnl").nullValue().name("closed_at").nullValue();
        }
        json.name("order_id").idString(order.orderId).name("status").string(order.status.wireName()).endObject();
        return 200;
    };

    private static long positionId(final Exchange exchange) throws BadRequest
    {
        final long positionId = exchange.path().id("position_id");
        if (positionId < 0)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "position not found", "position_id");
        }
        return positionId;
    }
}
