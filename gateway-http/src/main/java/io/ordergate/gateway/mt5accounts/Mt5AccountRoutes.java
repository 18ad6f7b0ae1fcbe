package io.ordergate.gateway.mt5accounts;

import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.ReplyListener;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * Seed 004's routes, paths and camelCase bodies as its app sends them, with a bearer token or an API key: connect an
 * mt5 account by investor password, test credentials without saving them, sync the closed deals, read the status,
 * disconnect. Connect, test and sync answer when the account's terminal has (see {@link InvestorWaits}). Errors in
 * API.md's format. Thread safe.
 */
public final class Mt5AccountRoutes implements Feature, AutoCloseable
{
    private static final String ACCOUNT = "tradingAccountId";

    private final Accesses access;
    private final SecretBox secrets;
    private final InvestorWaits waits;

    public Mt5AccountRoutes(final GatewayContext gateway, final Accesses access, final SecretBox secrets)
    {
        this.access = access;
        this.secrets = secrets;
        this.waits = new InvestorWaits(gateway.publisher(), gateway.config().executors().investorWaitSeconds() * 1000L);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/mt5/connect", access.scope(Scope.TRADE), BodyKind.JSON, this::connect))
            .add(Route.post("/api/mt5/test-connection", access.scope(Scope.TRADE), BodyKind.JSON, this::test))
            .add(Route.post("/api/mt5/sync/{tradingAccountId}", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::sync))
            .add(Route.get("/api/mt5/status/{tradingAccountId}", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.INVESTOR_STATUS, new InvestorRequests.Account(accountId(exchange)), Answers.ENGINE_JSON)))
            .add(Route.delete("/api/mt5/disconnect/{tradingAccountId}", access.scope(Scope.TRADE),
                exchange -> exchange.publish(CommandType.INVESTOR_DISCONNECT, new InvestorRequests.Account(accountId(exchange)),
                    Answers.ENGINE_JSON)));
    }

    /** The reply-stage part: answers the requests waiting for their terminal. */
    public ReplyListener listener()
    {
        return waits;
    }

    private void connect(final Exchange exchange) throws BadRequest
    {
        final InvestorRequests.Credentials credentials =
            InvestorRequests.credentials(exchange.json(), exchange.body(), exchange.bodyLength(), true, secrets);
        waitFor(exchange, CommandType.INVESTOR_CONNECT, credentials);
    }

    private void test(final Exchange exchange) throws BadRequest
    {
        waitFor(exchange, CommandType.INVESTOR_TEST,
            InvestorRequests.credentials(exchange.json(), exchange.body(), exchange.bodyLength(), false, secrets));
    }

    private void sync(final Exchange exchange) throws BadRequest
    {
        waitFor(exchange, CommandType.INVESTOR_SYNC, new InvestorRequests.Account(accountId(exchange)));
    }

    private void waitFor(final Exchange exchange, final CommandType type, final io.ordergate.gateway.json.RequestBody body)
    {
        final int principal = exchange.caller().principal();
        final Deferred deferred = exchange.defer();
        waits.publish(type, principal, CommandFrame.SOURCE_HTTP, body, deferred);
    }

    private static String accountId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId(ACCOUNT, Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found");
    }

    @Override
    public void close()
    {
        waits.close();
    }
}
