package io.ordergate.gateway.bots;

import java.util.List;
import java.util.Locale;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.SplicedField;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * Bots (seed 003), all admin: a bot's creation makes its webhook secret (shown once, in the answer); its status,
 * accounts and termination are one command each, their one value taken from the body or the query
 * ({@code ?status=PAUSED}), as seed 003 sends it. Thread safe.
 */
public final class BotRoutes implements Feature
{
    private final Accesses access;
    private final BotSecrets secrets;

    public BotRoutes(final Accesses access, final BotSecrets secrets)
    {
        this.access = access;
        this.secrets = secrets;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/api/v1/bots", access.scope(Scope.ADMIN),
                exchange -> exchange.publish(CommandType.LIST_BOTS, writer -> { }, Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/bots", access.scope(Scope.ADMIN), BodyKind.JSON, this::create))
            .add(Route.get("/api/v1/bots/{bot_id}", access.scope(Scope.ADMIN), exchange -> byId(exchange, CommandType.GET_BOT)))
            .add(Route.post("/api/v1/bots/{bot_id}/status", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON, this::status))
            .add(Route.post("/api/v1/bots/{bot_id}/connect-account", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> account(exchange, true)))
            .add(Route.post("/api/v1/bots/{bot_id}/disconnect-account", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> account(exchange, false)))
            .add(Route.post("/api/v1/bots/{bot_id}/terminate", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON, this::terminate))
            .add(Route.patch("/api/v1/bots/{bot_id}", access.scope(Scope.ADMIN), BodyKind.JSON, this::update))
            .add(Route.delete("/api/v1/bots/{bot_id}", access.scope(Scope.ADMIN), BotRoutes::delete))
            .add(Route.get("/api/v1/bots/{bot_id}/accounts", access.scope(Scope.ADMIN), exchange -> byId(exchange, CommandType.BOT_ACCOUNTS)))
            // Seed 003's own paths: creation by query parameters, and the list as a bare array.
            .add(Route.post("/api/v1/bots/create", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON, this::createSeed003))
            .add(Route.get("/api/v1/bots/list", access.scope(Scope.ADMIN),
                exchange -> exchange.publish(CommandType.LIST_BOTS, writer -> GroupBodies.listShape(writer, GroupBodies.SHAPE_SEED),
                    Answers.ENGINE_JSON)));
    }

    /**
     * Seed 003's {@code POST /bots/create?name=&base_name=&timeframe=}: a bot without targets yet (accounts are connected
     * after), its id made here, its webhook secret made and shown this once.
     */
    private void createSeed003(final Exchange exchange) throws BadRequest
    {
        bodyOrQuery(exchange, null);
        final String name = exchange.query().get("name");
        if (name == null || name.isBlank() || name.length() > 64)
        {
            throw BadRequest.validation("name", "name is required (1 to 64 characters)");
        }
        final String baseName = exchange.query().get("base_name");
        if (baseName != null && baseName.length() > 64)
        {
            throw BadRequest.validation("base_name", "base_name is at most 64 characters");
        }
        final String botId = "bot_" + Secrets.newKey().substring(Secrets.KEY_PREFIX.length(), Secrets.KEY_PREFIX.length() + 12);
        final String secret = Secrets.newSecret();
        final CreateBotRequest bot = new CreateBotRequest(botId, name, "", List.of(), secret, baseName == null ? "" : baseName,
            CreateBotRequest.checkedTimeframe(exchange.query().get("timeframe")), secrets);
        exchange.publish(CommandType.CREATE_BOT, bot, SplicedField.afterSuccess("secret", secret));
    }

    /** {@code PATCH /bots/{id}}: any of name, base_name, timeframe, group_id (null: no group). */
    private void update(final Exchange exchange) throws BadRequest
    {
        final String botId = botId(exchange);
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        int mask = 0;
        String name = "";
        String baseName = "";
        String timeframe = "";
        String groupId = "";
        while (in.nextField())
        {
            final String field = in.fieldName();
            switch (field)
            {
                case "name": mask |= GroupBodies.BOT_SET_NAME; name = nonNull(in.string(field, 64)); break;
                case "base_name": mask |= GroupBodies.BOT_SET_BASE_NAME; baseName = nonNull(in.string(field, 64)); break;
                case "timeframe": mask |= GroupBodies.BOT_SET_TIMEFRAME; timeframe = nonNull(in.string(field, 8)); break;
                case "group_id": mask |= GroupBodies.BOT_SET_GROUP; groupId = nonNull(in.id(field, Ids.MAX_LENGTH)); break;
                default: in.unknownField(field);
            }
        }
        in.finish();
        if (mask == 0)
        {
            throw BadRequest.validation(null, "give at least one of name, base_name, timeframe, group_id");
        }
        final int changes = mask;
        final String newName = name;
        final String newBaseName = baseName;
        final String newTimeframe = CreateBotRequest.checkedTimeframe(timeframe);
        final String newGroup = groupId;
        exchange.publish(CommandType.UPDATE_BOT,
            writer -> GroupBodies.updateBot(writer, botId, changes, newName, newBaseName, newTimeframe, newGroup), Answers.ENGINE_JSON);
    }

    private static String nonNull(final String value)
    {
        return value == null ? "" : value;
    }

    private void create(final Exchange exchange) throws BadRequest
    {
        final CreateBotRequest bot = CreateBotRequest.decode(exchange.json(), exchange.body(), exchange.bodyLength(), secrets);
        exchange.publish(CommandType.CREATE_BOT, bot, SplicedField.afterSuccess("secret", bot.secret()));
    }

    /** The deletion retires the alert ids the bot ran ({@link GroupBodies#delete}): a bot made again under its id is new. */
    private static void delete(final Exchange exchange) throws BadRequest
    {
        final String botId = botId(exchange);
        exchange.publish(CommandType.DELETE_BOT, writer -> GroupBodies.delete(writer, botId), Answers.ENGINE_JSON);
    }

    private static void byId(final Exchange exchange, final CommandType type) throws BadRequest
    {
        final String botId = botId(exchange);
        exchange.publish(type, writer -> GroupBodies.botId(writer, botId), Answers.ENGINE_JSON);
    }

    private void status(final Exchange exchange) throws BadRequest
    {
        final String botId = botId(exchange);
        final String status = bodyOrQuery(exchange, "status");
        final int code = status == null ? 0 : switch (status.toUpperCase(Locale.ROOT))
        {
            case "ACTIVE" -> GroupBodies.BOT_ACTIVE;
            case "PAUSED" -> GroupBodies.BOT_PAUSED;
            case "STOPPED" -> GroupBodies.BOT_STOPPED;
            default -> 0;
        };
        if (code == 0)
        {
            throw BadRequest.validation("status", "status must be ACTIVE, PAUSED or STOPPED");
        }
        exchange.publish(CommandType.SET_BOT_STATUS, writer -> GroupBodies.botStatus(writer, botId, code), Answers.ENGINE_JSON);
    }

    private void account(final Exchange exchange, final boolean connect) throws BadRequest
    {
        final String botId = botId(exchange);
        final String accountId = bodyOrQuery(exchange, "account_id");
        if (accountId == null || !Ids.isId(accountId, Ids.MAX_LENGTH))
        {
            throw BadRequest.validation("account_id", "account_id is required");
        }
        exchange.publish(CommandType.BOT_ACCOUNT, writer -> GroupBodies.botAccount(writer, botId, accountId, connect), Answers.ENGINE_JSON);
    }

    private void terminate(final Exchange exchange) throws BadRequest
    {
        final String botId = botId(exchange);
        bodyOrQuery(exchange, null);
        exchange.publish(CommandType.TERMINATE_BOT, writer -> GroupBodies.botId(writer, botId), Answers.ENGINE_JSON);
    }

    private static String botId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("bot_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "bot_id not found");
    }

    /** The one field a bot action takes, from the body (a JSON object, empty allowed) or else the query; null if neither. */
    private static String bodyOrQuery(final Exchange exchange, final String field) throws BadRequest
    {
        String fromBody = null;
        if (exchange.bodyLength() > 0)
        {
            final RequestReader in = exchange.json();
            in.begin(exchange.body(), exchange.bodyLength(), false);
            while (in.nextField())
            {
                final String name = in.fieldName();
                if (name.equals(field))
                {
                    fromBody = in.string(name, Ids.MAX_LENGTH);
                }
                else
                {
                    in.unknownField(name);
                }
            }
            in.finish();
        }
        return fromBody != null || field == null ? fromBody : exchange.query().get(field);
    }
}
