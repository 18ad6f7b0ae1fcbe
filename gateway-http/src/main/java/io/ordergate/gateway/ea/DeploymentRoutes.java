package io.ordergate.gateway.ea;

import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's deployments, with a bearer token or an API key (a user sees only their own): deploy a compiled version
 * with an agent on a broker connection and symbol, run, stop (each a job for the agent; run and stop take effect in the
 * answer, as seed 002 answers them), read one or the list, and its logs from the agent's job results. Thread safe.
 */
public final class DeploymentRoutes implements Feature
{
    private final Accesses access;

    public DeploymentRoutes(final Accesses access)
    {
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/deployments", access.scope(Scope.TRADE), BodyKind.JSON,
                exchange -> exchange.publish(CommandType.CREATE_DEPLOYMENT,
                    EaRequests.deployment(exchange.json(), exchange.body(), exchange.bodyLength()), Answers.ENGINE_JSON)))
            .add(Route.get("/api/v1/deployments", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_DEPLOYMENTS, PageQuery.read(exchange.query()), Answers.ENGINE_JSON)))
            .add(Route.get("/api/v1/deployments/{deployment_id}", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.GET_DEPLOYMENT, one(EaRoutes.id(exchange, "deployment_id")), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/deployments/{deployment_id}/run", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON,
                exchange -> exchange.publish(CommandType.DEPLOYMENT_RUN, one(EaRoutes.id(exchange, "deployment_id")), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/deployments/{deployment_id}/stop", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON,
                exchange -> exchange.publish(CommandType.DEPLOYMENT_STOP, one(EaRoutes.id(exchange, "deployment_id")), Answers.ENGINE_JSON)))
            .add(Route.get("/api/v1/deployments/{deployment_id}/logs", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.DEPLOYMENT_LOGS,
                    PageQuery.read(EaRoutes.id(exchange, "deployment_id"), exchange.query()), Answers.ENGINE_JSON)));
    }

    private static io.ordergate.gateway.json.RequestBody one(final String id)
    {
        return writer -> EaBodies.id(writer, id);
    }
}
