package io.ordergate.gateway.accounts;

import io.ordergate.engine.command.CommandBodies;
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

/**
 * Accounts: list, create (with exchange credentials, through the exchange feature), read, delete, risk limits, pause,
 * resume, close-all; each one command answered with the engine's JSON. Thread safe.
 */
public final class AccountRoutes implements Feature
{
    private final Accesses access;
    private final ExchangeAccountCreation exchangeAccounts;
    private final long paperFeeRate;

    /**
     * @param exchangeAccounts makes an account that comes with exchange credentials
     * @param paperFeeRate     a new paper account's fee rate when its body names none ({@code engine.paper_fee_rate})
     */
    public AccountRoutes(final Accesses access, final ExchangeAccountCreation exchangeAccounts, final long paperFeeRate)
    {
        this.access = access;
        this.exchangeAccounts = exchangeAccounts;
        this.paperFeeRate = paperFeeRate;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/accounts", access.scope(Scope.READ), this::list))
            .add(Route.post("/api/v1/accounts", access.scope(Scope.ADMIN), BodyKind.JSON, this::create))
            .add(Route.get("/api/v1/accounts/{account_id}", access.scope(Scope.READ), this::read))
            .add(Route.delete("/api/v1/accounts/{account_id}", access.scope(Scope.ADMIN), this::delete))
            .add(Route.get("/api/v1/account", access.scope(Scope.READ), this::brokerConnection))
            .add(Route.put("/api/v1/accounts/{account_id}/risk", access.scope(Scope.ADMIN), BodyKind.JSON, this::risk))
            .add(Route.post("/api/v1/accounts/{account_id}/pause", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> withoutBody(exchange, CommandType.PAUSE_ACCOUNT)))
            .add(Route.post("/api/v1/accounts/{account_id}/resume", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> withoutBody(exchange, CommandType.RESUME_ACCOUNT)))
            .add(Route.post("/api/v1/accounts/{account_id}/close-all", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> withoutBody(exchange, CommandType.CLOSE_ALL)))
            // Seed 003's list: each account as {"account_info", "balances", "positions", "performance", "references"}.
            .add(Route.get("/api/v1/accounts/list", access.scope(Scope.READ), this::listSeed003));
    }

    /** {@code GET /accounts/list?skip=&limit=}: seed 003's shape, with its pagination. */
    private void listSeed003(final Exchange exchange) throws BadRequest
    {
        final int skip = count(exchange, "skip", 0);
        final int limit = count(exchange, "limit", 100);
        exchange.publish(CommandType.LIST_ACCOUNTS, writer -> writer.putByte(CommandBodies.LIST_SHAPE_SEED).putInt(skip).putInt(limit),
            Answers.ENGINE_JSON);
    }

    private static int count(final Exchange exchange, final String name, final int absent) throws BadRequest
    {
        final String text = exchange.query().get(name);
        if (text == null)
        {
            return absent;
        }
        try
        {
            final int value = Integer.parseInt(text);
            if (value >= 0 && value <= 100_000)
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // answered below
        }
        throw BadRequest.validation(name, name + " must be a whole number from 0 to 100000");
    }

    private void list(final Exchange exchange)
    {
        exchange.publish(CommandType.LIST_ACCOUNTS, writer -> { }, Answers.ENGINE_JSON);
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        final ExchangeCredentialFields credentials = new ExchangeCredentialFields();
        final AccountRequests.CreateAccount account = AccountRequests.createAccount(exchange.json(), exchange.body(), exchange.bodyLength(),
            credentials, paperFeeRate);
        if (credentials.given())
        {
            exchangeAccounts.create(exchange, account, credentials);
            return;
        }
        exchange.publish(CommandType.CREATE_ACCOUNT, account, Answers.ENGINE_JSON);
    }

    /** Seed 003's delete: {@code {"success": true}}, or 409 while the account holds positions or open orders. */
    private void delete(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        exchange.publish(CommandType.DELETE_ACCOUNT, writer -> CommandBodies.accountId(writer, accountId), Answers.ENGINE_JSON);
    }

    /** API.md's account, with seed 003's envelope added ({@code "account": {"account_info", ...}}): the path is both's. */
    private void read(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        exchange.publish(CommandType.GET_ACCOUNT, writer -> CommandBodies.seedAccount(writer, accountId), Answers.ENGINE_JSON);
    }

    /** Seed 002's {@code GET /api/v1/account?broker_connection_id=}: the account (balance, equity, margin, currency). */
    private void brokerConnection(final Exchange exchange) throws BadRequest
    {
        final String accountId = exchange.query().get("broker_connection_id");
        if (accountId == null || !Ids.isId(accountId, Ids.MAX_LENGTH) || exchange.query().size() != 1)
        {
            throw BadRequest.validation("broker_connection_id", "broker_connection_id (1 to 64 of A-Z a-z 0-9 . _ -) is required, alone");
        }
        exchange.publish(CommandType.GET_ACCOUNT, writer -> CommandBodies.accountId(writer, accountId), Answers.ENGINE_JSON);
    }

    private void risk(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        exchange.publish(CommandType.SET_RISK, AccountRequests.setRisk(exchange.json(), exchange.body(), exchange.bodyLength(), accountId),
            Answers.ENGINE_JSON);
    }

    /** Pause, resume, close-all: the account in the path; the body empty or {}. */
    private static void withoutBody(final Exchange exchange, final CommandType type) throws BadRequest
    {
        final String accountId = accountId(exchange);
        EmptyObject.check(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(type, writer -> CommandBodies.accountId(writer, accountId), Answers.ENGINE_JSON);
    }

    /** The account of the path; 404 for one that cannot exist. */
    static String accountId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account not found");
    }
}
