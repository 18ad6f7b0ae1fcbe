package io.ordergate.gateway.orders;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;

/** Positions (list, change stops, close in whole or part) and trades (fills, newest first). Thread safe. */
public final class PositionRoutes implements Feature
{
    private final Accesses access;

    public PositionRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/positions", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_POSITIONS, ListQuery.read(CommandType.LIST_POSITIONS, exchange.query()), OrderAnswer.ORDER)))
            .add(Route.patch("/api/v1/positions/{position_id}", access.scope(Scope.TRADE), BodyKind.JSON, this::modify))
            .add(Route.post("/api/v1/positions/{position_id}/close", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::close))
            .add(Route.get("/api/v1/trades", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_TRADES, ListQuery.read(CommandType.LIST_TRADES, exchange.query()), OrderAnswer.ORDER)));
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
