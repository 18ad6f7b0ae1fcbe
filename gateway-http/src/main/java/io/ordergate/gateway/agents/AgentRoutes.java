package io.ordergate.gateway.agents;

import java.util.Base64;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.SplicedField;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.ea.ArtifactStore;
import io.ordergate.gateway.ea.PageQuery;
import io.ordergate.gateway.executors.ExecutorKeys;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.mt5.ea.EaBodies;

/**
 * Seed 002's agent routes. Users (bearer or key): pair an agent (its key shown once, only its hash journaled) and list
 * theirs. Agents ({@code X-Agent-Key}, or an executor's own key: an agent is an executor of the same registry):
 * heartbeat, take the next job, post a job's result — a compile's EX5 decoded, hashed and stored on the artifact
 * workers before the result is published, and removed again if the engine does not take it. Thread safe.
 */
public final class AgentRoutes implements Feature
{
    private static final Answer ACKNOWLEDGED = (event, json) ->
    {
        final int failed = Answers.failure(event, json, ErrorFormat.API);
        if (failed != 0)
        {
            return failed;
        }
        json.startObject().name("acknowledged").bool(true).endObject();
        return 200;
    };

    private final Accesses access;
    private final AgentAccess agent;
    private final ArtifactStore artifacts;
    private final StagedResultReply staged;

    public AgentRoutes(final Accesses access, final ExecutorKeys keys, final ArtifactStore artifacts)
    {
        this.access = access;
        this.agent = new AgentAccess(keys);
        this.artifacts = artifacts;
        this.staged = new StagedResultReply(artifacts);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/agents/pair", access.scope(Scope.TRADE), BodyKind.OPTIONAL_JSON, this::pair))
            .add(Route.get("/api/v1/agents", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_AGENTS, PageQuery.read(exchange.query()), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/agents/{agent_id}/heartbeat", agent, BodyKind.OPTIONAL_JSON,
                exchange -> exchange.publish(CommandType.EXECUTOR_HEARTBEAT,
                    AgentRequests.heartbeat(agentId(exchange), exchange.json(), exchange.body(), exchange.bodyLength()), ACKNOWLEDGED)))
            .add(Route.get("/api/v1/agents/{agent_id}/jobs/next", agent,
                exchange -> exchange.publish(CommandType.AGENT_NEXT_JOB, nextJob(agentId(exchange)), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/agents/{agent_id}/jobs/{job_id}/result", agent, BodyKind.JSON, this::result));
    }

    private void pair(final Exchange exchange) throws BadRequest
    {
        final AgentRequests.Pair pair = AgentRequests.pair(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.PAIR_AGENT, pair, SplicedField.of("pairing_key", pair.pairingKey()));
    }

    /** The result: the EX5 (if any) stored first, off the event loop; then AGENT_JOB_RESULT. */
    private void result(final Exchange exchange) throws BadRequest
    {
        final String jobId = exchange.path().clientId("job_id", Ids.MAX_LENGTH, ResultCode.NOT_FOUND, "job not found");
        final JobResult result = JobResult.parse(agentId(exchange), jobId, exchange.json(), exchange.body(), exchange.bodyLength());
        if (result.artifactBase64() == null)
        {
            exchange.publish(CommandType.AGENT_JOB_RESULT, result.command(null, 0), Answers.ENGINE_JSON);
            return;
        }
        if (result.artifactBytesAtMost() > artifacts.maxBytes())
        {
            throw new BadRequest(ResultCode.PAYLOAD_TOO_LARGE, "the artifact is larger than ea.max_artifact_bytes (" + artifacts.maxBytes()
                + " bytes)", "result.artifact_base64");
        }
        final int principal = exchange.caller().principal();
        final Deferred deferred = exchange.defer();
        artifacts.runFor(deferred, () -> storeThenPublish(result, principal, deferred));
    }

    private void storeThenPublish(final JobResult result, final int principal, final Deferred deferred)
    {
        final byte[] bytes;
        try
        {
            bytes = Base64.getMimeDecoder().decode(result.artifactBase64());
        }
        catch (final IllegalArgumentException ex)
        {
            deferred.error(ResultCode.VALIDATION_ERROR, "artifact_base64 is not base64", "result.artifact_base64");
            return;
        }
        if (bytes.length == 0)
        {
            // an empty EX5 is no build: taken, it marked the version compiled with nothing to deploy
            deferred.error(ResultCode.VALIDATION_ERROR, "artifact_base64 is empty: send the EX5, or status failed", "result.artifact_base64");
            return;
        }
        if (bytes.length > artifacts.maxBytes())
        {
            deferred.error(ResultCode.PAYLOAD_TOO_LARGE, "the artifact is larger than ea.max_artifact_bytes", "result.artifact_base64");
            return;
        }
        final byte[] sha = ArtifactStore.sha256(bytes);
        if (result.expectedSha256() != null && !java.security.MessageDigest.isEqual(sha, result.expectedSha256()))
        {
            deferred.error(ResultCode.VALIDATION_ERROR, "artifact_sha256 is not the SHA-256 of the artifact sent", "result.artifact_sha256");
            return;
        }
        // stored before the engine decides (an accepted result's file is never missing), settled by its answer
        final RequestBody command = result.command(sha, bytes.length);
        artifacts.stage(bytes);
        if (!deferred.publishTo(CommandType.AGENT_JOB_RESULT, principal, command, staged, new StagedResultReply.Pending(deferred, sha)))
        {
            artifacts.settle(sha, false);
            deferred.error(ResultCode.OVERLOADED, null, null);
        }
    }

    private static String agentId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId(AgentAccess.AGENT_ID, Ids.MAX_LENGTH, ResultCode.EXECUTOR_NOT_FOUND, "agent not found");
    }

    private static RequestBody nextJob(final String agentId)
    {
        return writer -> EaBodies.nextJob(writer, agentId);
    }
}
