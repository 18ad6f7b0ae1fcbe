package io.ordergate.gateway.http;

import java.util.List;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.webhook.GroupRequests;
import io.ordergate.gateway.webhook.JsonTree;

/**
 * <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop, reached through
 * {@link TreeRoutes}, which has checked readiness and the API key. The group routes of issue 5: groups, their
 * members, pausing them, and group orders; each request is one command on the ring.
 */
final class GroupRoutes
{
    /** What {@link #handle} serves ({@code {}} is a path parameter); see {@link RouteCatalog}. */
    static final List<String> OPERATIONS = List.of(
        "GET /api/v1/groups", "POST /api/v1/groups",
        "GET /api/v1/groups/{}", "PATCH /api/v1/groups/{}", "DELETE /api/v1/groups/{}",
        "POST /api/v1/groups/{}/accounts",
        "POST /api/v1/groups/{}/accounts/{}", "DELETE /api/v1/groups/{}/accounts/{}",
        "POST /api/v1/groups/{}/pause", "POST /api/v1/groups/{}/resume",
        "POST /api/v1/groups/{}/orders", "GET /api/v1/groups/{}/orders/{}");

    private final TreeRoutes routes;

    GroupRoutes(final TreeRoutes routes)
    {
        this.routes = routes;
    }

    /** {@code parts} is the path split at '/', without the first: {@code api, v1, groups, ...}. */
    void handle(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length) throws BadRequest
    {
        final boolean get = HttpMethod.GET.equals(method);
        final String groupId = parts.length > 3 ? TreeRoutes.pathId(parts[3], "group_id") : null;
        final String sub = parts.length > 4 ? parts[4] : null;
        if (TreeRoutes.isCollection(parts))
        {
            if (get)
            {
                routes.send(pipeline, key, Scope.READ, CommandType.LIST_GROUPS, writer -> { });
            }
            else if (HttpMethod.POST.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.CREATE_GROUP, GroupRequests.group(JsonTree.object(body, length), null, true));
            }
            else
            {
                routes.notAllowed(method, "GET, POST");
            }
            return;
        }
        if (sub == null)
        {
            if (get)
            {
                routes.send(pipeline, key, Scope.READ, CommandType.GET_GROUP, writer -> GroupBodies.groupId(writer, groupId));
            }
            else if (HttpMethod.PATCH.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.UPDATE_GROUP, GroupRequests.group(JsonTree.object(body, length), groupId, false));
            }
            else if (HttpMethod.DELETE.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.DELETE_GROUP, writer -> GroupBodies.groupId(writer, groupId));
            }
            else
            {
                routes.notAllowed(method, "GET, PATCH, DELETE");
            }
            return;
        }
        switch (sub)
        {
            case "accounts":
                members(pipeline, key, method, parts, body, length, groupId);
                return;
            case "pause":
            case "resume":
                if (parts.length != 5)
                {
                    routes.noSuchPath();
                    return;
                }
                if (!HttpMethod.POST.equals(method))
                {
                    routes.notAllowed(method, "POST");
                    return;
                }
                routes.send(pipeline, key, Scope.ADMIN, "pause".equals(sub) ? CommandType.PAUSE_GROUP : CommandType.RESUME_GROUP,
                    writer -> GroupBodies.groupId(writer, groupId));
                return;
            case "orders":
                orders(pipeline, key, method, parts, body, length, groupId);
                return;
            default:
                routes.noSuchPath();
        }
    }

    /** {@code /api/v1/groups/{id}/accounts} and {@code .../accounts/{account_id}}. */
    private void members(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length, final String groupId) throws BadRequest
    {
        if (parts.length == 5 && HttpMethod.POST.equals(method))
        {
            routes.send(pipeline, key, Scope.ADMIN, CommandType.ADD_GROUP_MEMBERS, GroupRequests.bulkAdd(JsonTree.object(body, length), groupId));
        }
        else if (parts.length == 6)
        {
            final String accountId = TreeRoutes.pathId(parts[5], "account_id");
            if (HttpMethod.POST.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.ADD_GROUP_MEMBERS,
                    GroupRequests.singleAdd(JsonTree.object(body, length), groupId, accountId));
            }
            else if (HttpMethod.DELETE.equals(method))
            {
                routes.send(pipeline, key, Scope.ADMIN, CommandType.REMOVE_GROUP_MEMBER, writer -> GroupBodies.removeMember(writer, groupId, accountId));
            }
            else
            {
                routes.notAllowed(method, "POST, DELETE");
            }
        }
        else if (parts.length == 5)
        {
            routes.notAllowed(method, "POST");
        }
        else
        {
            routes.noSuchPath();
        }
    }

    /** {@code /api/v1/groups/{id}/orders} and {@code .../orders/{group_order_id}}. */
    private void orders(final Pipeline pipeline, final ApiKey key, final HttpMethod method, final String[] parts, final byte[] body,
        final int length, final String groupId) throws BadRequest
    {
        if (parts.length == 6)
        {
            if (!HttpMethod.GET.equals(method))
            {
                routes.notAllowed(method, "GET");
                return;
            }
            final long id = parseId(parts[5]);
            routes.send(pipeline, key, Scope.READ, CommandType.GET_GROUP_ORDER, writer -> GroupBodies.groupOrderId(writer, id));
            return;
        }
        if (parts.length != 5)
        {
            routes.noSuchPath();
            return;
        }
        if (!HttpMethod.POST.equals(method))
        {
            routes.notAllowed(method, "POST");
            return;
        }
        routes.send(pipeline, key, Scope.TRADE, CommandType.GROUP_ORDER, GroupRequests.groupOrder(JsonTree.object(body, length), groupId));
    }

    private static long parseId(final String text) throws BadRequest
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "group order not found", "group_order_id");
        }
    }
}
