package io.ordergate.gateway.trading;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.EmptyObject;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * Seed 003's trading paths on one account: close its positions in a symbol ({@code POST /trading/close-position/
 * {account_id}} {@code {"symbol", "order_type"}}) and close everything ({@code POST /trading/terminate/{account_id}}).
 * The group execute row is the groups feature's (the same handler as a group order). Thread safe.
 */
public final class TradingRoutes implements Feature
{
    private final Accesses access;

    public TradingRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/trading/close-position/{account_id}", access.scope(Scope.TRADE), BodyKind.JSON, this::closeSymbol))
            .add(Route.post("/api/v1/trading/terminate/{account_id}", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::terminate));
    }

    private void closeSymbol(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        String symbol = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "symbol": symbol = in.string(field, 32); break;
                case "order_type":
                    // Seed 003 sends how to close; a close is always a market order here, so only market is taken.
                    final String type = in.string(field, 16);
                    if (type != null && !type.equalsIgnoreCase("market"))
                    {
                        in.fail(field, "order_type must be market: a position is closed at the market");
                    }
                    break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (symbol == null || symbol.isEmpty())
        {
            throw BadRequest.validation("symbol", "symbol is required");
        }
        final String closing = symbol.toUpperCase(java.util.Locale.ROOT);
        exchange.publish(CommandType.CLOSE_SYMBOL, writer -> writer.putString(accountId).putString(closing), Answers.ENGINE_JSON);
    }

    private void terminate(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        EmptyObject.check(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.TERMINATE_ACCOUNT, writer -> writer.putString(accountId), Answers.ENGINE_JSON);
    }

    private static String accountId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found");
    }
}
