package io.ordergate.gateway.metrics;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;

/**
 * Health and measurements: {@code /health} and {@code /metrics} need no key (load balancers and Prometheus scrapers
 * carry none, and both show only summary numbers), {@code /api/v1/latency} a read key, and the state digest (a
 * fingerprint of the engine state, for replay checks) an admin key. Thread safe.
 */
public final class MetricsRoutes implements Feature
{
    private final GatewayContext gateway;
    private final Accesses access;

    public MetricsRoutes(final GatewayContext gateway, final Accesses access)
    {
        this.gateway = gateway;
        this.access = access;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/health", Access.NONE, this::health))
            .add(Route.get("/metrics", Access.NONE, this::metrics))
            .add(Route.get("/api/v1/latency", access.scope(Scope.READ), this::latency))
            .add(Route.get("/api/v1/state/digest", access.scope(Scope.ADMIN), this::stateDigest));
    }

    /** {@code GET /health}: answered even before the gateway is ready (503 then). */
    private void health(final Exchange exchange)
    {
        final JsonWriter json = exchange.answer();
        final boolean ready = gateway.isReady();
        json.startObject();
        if (ready)
        {
            // Seed 003's fields too: its clients read environment, database.connected (the journal), uptime and timestamp.
            final boolean demo = gateway.config().demo().quoteFeed() || gateway.config().demo().simulatedTerminal();
            json.name("status").string("ok")
                .name("version").string(gateway.version())
                .name("uptime_seconds").number(gateway.uptimeSeconds())
                .name("environment").string(demo ? "demo" : "production")
                .name("database").startObject().name("connected").bool(true).name("references").startObject().endObject().endObject()
                .name("uptime").number(gateway.uptimeSeconds())
                .name("timestamp").time(System.currentTimeMillis() * 1000L);
            final io.ordergate.cluster.ClusterNode cluster = gateway.clusterNode();
            if (cluster != null)
            {
                // which member this is and whether it leads: a load balancer in front of executors picks the leader by it
                json.name("cluster").startObject()
                    .name("member_id").number(cluster.memberId())
                    .name("role").string(cluster.isLeader() ? "leader" : "follower")
                    .endObject();
            }
        }
        else
        {
            json.name("status").string("starting");
            ApiErrors.member(json, ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), null);
        }
        json.endObject();
        exchange.send(ready ? 200 : 503);
    }

    private void metrics(final Exchange exchange)
    {
        exchange.send(200, gateway.metrics().prometheusText(gateway.pipeline(), gateway.isReady()), GatewayMetrics.prometheusContentType());
    }

    private void latency(final Exchange exchange)
    {
        exchange.send(200, gateway.metrics().latencyJson());
    }

    private void stateDigest(final Exchange exchange)
    {
        exchange.publish(CommandType.STATE_DIGEST, writer -> { }, Answers.ENGINE_JSON);
    }
}
