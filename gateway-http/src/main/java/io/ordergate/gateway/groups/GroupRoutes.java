package io.ordergate.gateway.groups;

import java.util.List;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteHandler;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.EmptyObject;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestReader;

/**
 * Groups (seed 003): groups, their members, pausing them, and group orders fanned out to every member; each request
 * one command, answered with the engine's JSON. Seed 003 lists and creates groups at {@code /groups/} (a trailing
 * slash), by name, in its envelope ({@link Seed003Answers}); where its paths are the native ones the answer carries
 * both shapes. Thread safe.
 */
public final class GroupRoutes implements Feature
{
    /** Seed 003's {@code GET /groups/} without a {@code limit}: this many (the limit it answered before it paged). */
    private static final int DEFAULT_PAGE = 1000;
    /** The highest {@code offset} and {@code limit} taken, as {@code GET /accounts/list}'s {@code skip} and {@code limit}. */
    private static final int MAX_PAGE = 100_000;

    private final Accesses access;

    public GroupRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        final RouteHandler list = exchange -> exchange.publish(CommandType.LIST_GROUPS, writer -> { }, Answers.ENGINE_JSON);
        final RouteHandler create = exchange -> exchange.publish(CommandType.CREATE_GROUP,
            GroupRequests.group(exchange.json(), exchange.body(), exchange.bodyLength(), null, false), Answers.ENGINE_JSON);
        // Seed 003 creates a group by name (the id is made here) and reads its answers in an envelope.
        final RouteHandler seedList = exchange ->
        {
            final int offset = exchange.query().wholeNumber("offset", 0, 0, MAX_PAGE);
            final int limit = exchange.query().wholeNumber("limit", DEFAULT_PAGE, 1, MAX_PAGE);
            exchange.publish(CommandType.LIST_GROUPS, writer -> GroupBodies.listPage(writer, offset, limit), Seed003Answers.GROUP_LIST);
        };
        final RouteHandler seedCreate = exchange -> exchange.publish(CommandType.CREATE_GROUP,
            GroupRequests.group(exchange.json(), exchange.body(), exchange.bodyLength(), null, true),
            Seed003Answers.group("Group created successfully", 0));
        table.add(Route.get("/api/v1/groups", access.scope(Scope.READ), list))
            .add(Route.post("/api/v1/groups", access.scope(Scope.ADMIN), BodyKind.JSON, create))
            .add(Route.get("/api/v1/groups/", access.scope(Scope.READ), seedList))
            .add(Route.post("/api/v1/groups/", access.scope(Scope.ADMIN), BodyKind.JSON, seedCreate))
            .add(Route.get("/api/v1/groups/{group_id}", access.scope(Scope.READ), exchange -> byId(exchange, CommandType.GET_GROUP,
                Seed003Answers.both("Group retrieved successfully"))))
            .add(Route.patch("/api/v1/groups/{group_id}", access.scope(Scope.ADMIN), BodyKind.JSON, this::update))
            .add(Route.delete("/api/v1/groups/{group_id}", access.scope(Scope.ADMIN), GroupRoutes::delete))
            .add(Route.post("/api/v1/groups/{group_id}/accounts", access.scope(Scope.ADMIN), BodyKind.JSON, this::addMany))
            .add(Route.post("/api/v1/groups/{group_id}/accounts/{account_id}", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON, this::addOne))
            .add(Route.delete("/api/v1/groups/{group_id}/accounts/{account_id}", access.scope(Scope.ADMIN), this::remove))
            .add(Route.post("/api/v1/groups/{group_id}/pause", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> withoutBody(exchange, CommandType.PAUSE_GROUP)))
            .add(Route.post("/api/v1/groups/{group_id}/resume", access.scope(Scope.ADMIN), BodyKind.OPTIONAL_JSON,
                exchange -> withoutBody(exchange, CommandType.RESUME_GROUP)))
            .add(Route.post("/api/v1/groups/{group_id}/orders", access.scope(Scope.TRADE), BodyKind.JSON, this::order))
            .add(Route.get("/api/v1/groups/{group_id}/orders/{group_order_id}", access.scope(Scope.READ), this::groupOrder))
            // Seed 003's own paths for the same things.
            .add(Route.post("/api/v1/trading/group/{group_id}/execute", access.scope(Scope.TRADE), BodyKind.JSON, this::order))
            .add(Route.post("/api/v1/accounts/{account_id}/assign-group", access.scope(Scope.ADMIN), BodyKind.JSON, this::assign));
    }

    /** Seed 003's {@code POST /accounts/{account_id}/assign-group {"group_id"}}: one member more, sized multiplier 1. */
    private void assign(final Exchange exchange) throws BadRequest
    {
        final String accountId = accountId(exchange);
        final RequestReader in = exchange.json();
        in.begin(exchange.body(), exchange.bodyLength(), false);
        String groupId = null;
        while (in.nextField())
        {
            final String field = in.fieldName();
            if (field.equals("group_id"))
            {
                groupId = in.id(field, Ids.MAX_LENGTH);
            }
            else
            {
                in.unknownField(field);
            }
        }
        in.finish();
        if (groupId == null)
        {
            throw BadRequest.validation("group_id", "group_id is required");
        }
        final String group = groupId;
        exchange.publish(CommandType.ADD_GROUP_MEMBERS, writer -> GroupBodies.addMembers(writer, group, false,
            List.of(new GroupBodies.Member(accountId, GroupBodies.SIZING_DEFAULT, 0, "", List.of()))), ASSIGNED);
    }

    /** {@code {"success": true, "group": {...}}}, the seed's answer with the group it joined. */
    private static final Answer ASSIGNED = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        json.startObject().name("success").bool(true).name("group");
        json.raw(event.output, 0, event.outputLength);
        json.endObject();
        return 200;
    };

    /** The deletion retires the ids the group's orders ran ({@link GroupBodies#delete}): a group made again under its id is new. */
    private static void delete(final Exchange exchange) throws BadRequest
    {
        final String groupId = groupId(exchange);
        exchange.publish(CommandType.DELETE_GROUP, writer -> GroupBodies.delete(writer, groupId), Answers.ENGINE_JSON);
    }

    private static void byId(final Exchange exchange, final CommandType type) throws BadRequest
    {
        byId(exchange, type, Answers.ENGINE_JSON);
    }

    private static void byId(final Exchange exchange, final CommandType type, final Answer answer) throws BadRequest
    {
        final String groupId = groupId(exchange);
        exchange.publish(type, writer -> GroupBodies.groupId(writer, groupId), answer);
    }

    private static void withoutBody(final Exchange exchange, final CommandType type) throws BadRequest
    {
        final String groupId = groupId(exchange);
        EmptyObject.check(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(type, writer -> GroupBodies.groupId(writer, groupId), Answers.ENGINE_JSON);
    }

    private void update(final Exchange exchange) throws BadRequest
    {
        exchange.publish(CommandType.UPDATE_GROUP,
            GroupRequests.group(exchange.json(), exchange.body(), exchange.bodyLength(), groupId(exchange), false),
            Seed003Answers.both("Group updated successfully"));
    }

    private void addMany(final Exchange exchange) throws BadRequest
    {
        exchange.publish(CommandType.ADD_GROUP_MEMBERS, GroupRequests.bulkAdd(exchange.json(), exchange.body(), exchange.bodyLength(), groupId(exchange)),
            Answers.ENGINE_JSON);
    }

    private void addOne(final Exchange exchange) throws BadRequest
    {
        final String groupId = groupId(exchange);
        final String accountId = accountId(exchange);
        exchange.publish(CommandType.ADD_GROUP_MEMBERS,
            GroupRequests.singleAdd(exchange.json(), exchange.body(), exchange.bodyLength(), groupId, accountId),
            Seed003Answers.both("Account added to group"));
    }

    private void remove(final Exchange exchange) throws BadRequest
    {
        final String groupId = groupId(exchange);
        final String accountId = accountId(exchange);
        exchange.publish(CommandType.REMOVE_GROUP_MEMBER, writer -> GroupBodies.removeMember(writer, groupId, accountId),
            Seed003Answers.both("Account removed from group"));
    }

    private void order(final Exchange exchange) throws BadRequest
    {
        // a group order is its caller's order: a user who has not finished onboarding is refused it as a single one
        io.ordergate.gateway.onboarding.OnboardingRoutes.requireOnboarded(exchange.caller());
        exchange.publish(CommandType.GROUP_ORDER, GroupOrderRequest.decode(exchange.json(), exchange.body(), exchange.bodyLength(), groupId(exchange)),
            Answers.ENGINE_JSON);
    }

    private void groupOrder(final Exchange exchange) throws BadRequest
    {
        groupId(exchange);
        final long id = exchange.path().id("group_order_id");
        if (id < 0)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "group order not found", "group_order_id");
        }
        exchange.publish(CommandType.GET_GROUP_ORDER, writer -> GroupBodies.groupOrderId(writer, id), Answers.ENGINE_JSON);
    }

    private static String groupId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("group_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "group_id not found");
    }

    private static String accountId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("account_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "account_id not found");
    }
}
