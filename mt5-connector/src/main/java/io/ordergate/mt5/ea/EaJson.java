package io.ordergate.mt5.ea;

import io.ordergate.engine.view.JsonWriter;
import io.ordergate.mt5.Executor;

/**
 * Seed 002's shapes of the EA room's records. Download URLs are the gateway's own paths
 * ({@code /api/v1/ea/artifacts/{artifact_id}/download}), relative to where the API is served. Stateless: engine thread.
 */
final class EaJson
{
    static final String DOWNLOAD_PREFIX = "/api/v1/ea/artifacts/";
    static final String DOWNLOAD_SUFFIX = "/download";

    private EaJson()
    {
    }

    /** A version, as POST /ea/generate answers it (the gateway adds source_code). */
    static void version(final EaState state, final EaVersion version, final JsonWriter json)
    {
        json.startObject();
        json.name("version_id").string(version.id());
        json.name("project_id").string(state.projects.get(version.project).id());
        json.name("version_number").number(version.number);
        json.name("status").string(version.status);
        json.name("generator").string(version.generator);
        json.name("understood").string(version.summary);
        json.name("build_log").string(version.buildLog);
        json.name("created_at").time(version.createdMicros);
        json.name("updated_at").time(version.updatedMicros);
        json.endObject();
    }

    static void project(final EaState state, final Project project, final JsonWriter json)
    {
        json.startObject();
        json.name("id").string(project.id());
        json.name("project_id").string(project.id());
        json.name("name").string(project.name);
        json.name("strategy_id").string(project.strategyId);
        json.name("created_at").time(project.createdMicros);
        json.name("latest_version");
        if (project.latestVersion < 0)
        {
            json.nullValue();
        }
        else
        {
            final EaVersion latest = state.versions.get(project.latestVersion);
            json.startObject().name("version_id").string(latest.id()).name("version_number").number(latest.number)
                .name("status").string(latest.status).endObject();
        }
        json.endObject();
    }

    static void artifact(final Artifact artifact, final JsonWriter json)
    {
        json.startObject();
        json.name("artifact_id").string(artifact.id());
        json.name("kind").string(artifact.kindName());
        json.name("file_name").string(artifact.fileName);
        json.name("download_url");
        downloadUrl(artifact, json);
        json.name("size_bytes").number(artifact.size);
        json.name("sha256");
        if (artifact.sha256.length == 0)
        {
            json.nullValue();
        }
        else
        {
            json.hex(artifact.sha256);
        }
        json.name("created_at").time(artifact.createdMicros);
        json.endObject();
    }

    static void downloadUrl(final Artifact artifact, final JsonWriter json)
    {
        if (artifact.externalUrl != null)
        {
            json.string(artifact.externalUrl);
        }
        else
        {
            json.string(DOWNLOAD_PREFIX + artifact.id() + DOWNLOAD_SUFFIX);
        }
    }

    static void deployment(final EaState state, final Deployment deployment, final JsonWriter json, final String accountId)
    {
        json.startObject();
        json.name("deployment_id").string(deployment.id());
        json.name("version_id").string(state.versions.get(deployment.version).id());
        json.name("agent_id").string(state.executors.get(deployment.agent).id);
        json.name("broker_connection_id").string(accountId);
        json.name("symbol").string(deployment.symbol);
        json.name("status").string(deployment.status);
        json.name("created_at").time(deployment.createdMicros);
        json.name("started_at");
        timeOrNull(deployment.startedMicros, json);
        json.name("stopped_at");
        timeOrNull(deployment.stoppedMicros, json);
        json.name("updated_at").time(deployment.updatedMicros);
        json.endObject();
    }

    static void agent(final Executor agent, final boolean online, final JsonWriter json)
    {
        json.startObject();
        json.name("agent_id").string(agent.id);
        json.name("agent_name").string(agent.name);
        json.name("status").string(online ? "online" : "offline");
        json.name("last_seen_at");
        timeOrNull(agent.lastHeartbeatMicros, json);
        json.name("metrics");
        if (agent.metadataLength == 0)
        {
            json.nullValue();
        }
        else
        {
            json.raw(agent.metadata, 0, agent.metadataLength);
        }
        json.name("account_id").string(agent.accountId);
        json.name("created_at").time(agent.createdAtMicros);
        json.endObject();
    }

    /** A job as GET /agents/{id}/jobs/next hands it out: {"job_id", "type", "payload"}. */
    static void job(final EaState state, final AgentJob job, final JsonWriter json)
    {
        json.startObject();
        json.name("job_id").string(EaState.JOB_PREFIX, job.seq);
        json.name("type").string(job.typeName());
        json.name("payload").startObject();
        final EaVersion version = job.version >= 0 ? state.versions.get(job.version) : null;
        if (job.type == AgentJob.COMPILE)
        {
            final Artifact source = state.artifacts.get(version.source);
            json.name("version_id").string(version.id());
            json.name("project_id").string(state.projects.get(version.project).id());
            json.name("source_url");
            downloadUrl(source, json);
            json.name("source_sha256").hex(source.sha256);
            json.name("file_name").string(source.fileName);
        }
        else
        {
            final Deployment deployment = state.deployments.get(job.deployment);
            json.name("deployment_id").string(deployment.id());
            json.name("version_id").string(version.id());
            json.name("symbol").string(deployment.symbol);
            if (job.type == AgentJob.DEPLOY && version.compiled >= 0)
            {
                final Artifact ex5 = state.artifacts.get(version.compiled);
                json.name("ex5_url");
                downloadUrl(ex5, json);
                json.name("ex5_sha256");
                if (ex5.sha256.length == 0)
                {
                    json.nullValue();
                }
                else
                {
                    json.hex(ex5.sha256);
                }
                json.name("file_name").string(ex5.fileName);
            }
        }
        json.endObject();
        json.name("attempt").number(job.deliveries);
        json.endObject();
    }

    private static void timeOrNull(final long micros, final JsonWriter json)
    {
        if (micros == 0)
        {
            json.nullValue();
        }
        else
        {
            json.time(micros);
        }
    }
}
