package io.ordergate.gateway.orders;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.users.UserCaller;

/**
 * CSV exports for the {@code exporter} role and above (admin users and admin keys): {@code GET /api/v1/trades.csv}
 * and {@code GET /api/v1/orders.csv}, with the list routes' filters ({@code account_id}, {@code status},
 * {@code limit}) over the accounts the caller may see, read in slices like the lists; the gathered JSON is written as
 * CSV ({@link CsvRows}). Thread safe.
 */
public final class ExportRoutes implements Feature
{
    static final String[] TRADE_COLUMNS = {"trade_id", "order_id", "account_id", "symbol", "side", "quantity", "price",
        "realized_pnl", "fee", "position_id", "time"};
    static final String[] ORDER_COLUMNS = {"order_id", "client_order_id", "account_id", "symbol", "side", "type", "quantity",
        "price", "stop_loss", "take_profit", "time_in_force", "status", "filled_quantity", "average_price", "venue_order_id",
        "reject_code", "created_at", "updated_at"};

    private final Accesses access;
    private final ReadBudget readBudget;

    /** @param readBudget list rows per caller per second: an export spends it as the lists do */
    public ExportRoutes(final Accesses access, final ReadBudget readBudget)
    {
        this.access = access;
        this.readBudget = readBudget;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/trades.csv", access.scope(Scope.READ), exchange -> export(exchange, CommandType.LIST_TRADES,
            new CsvRows(TRADE_COLUMNS))));
        table.add(Route.get("/api/v1/orders.csv", access.scope(Scope.READ), exchange -> export(exchange, CommandType.LIST_ORDERS,
            new CsvRows(ORDER_COLUMNS))));
    }

    private void export(final Exchange exchange, final CommandType type, final CsvRows csv) throws BadRequest
    {
        final Caller caller = exchange.caller();
        final boolean allowed = caller instanceof UserCaller
            ? ((UserCaller)caller).user().role().allows("exports:read")
            : caller.allows(Scope.ADMIN);
        if (!allowed)
        {
            throw new BadRequest(ResultCode.FORBIDDEN, "exports need the exporter role (or admin)", null);
        }
        SlicedList.start(type, exchange, readBudget, csv);  // in slices, as the lists: an export never holds the engine at once
    }
}
