package io.ordergate.mt5.ea;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.mt5.Executor;

/**
 * Seed 002's agents on the engine thread: pairing (an agent is an executor of the same registry, owned by who paired
 * it, serving no account), handing out the next job ({@code GET jobs/next}, which also counts as the agent being
 * alive), and taking a job's result: a compile's EX5 and log onto its version, a deployment's progress and logs onto
 * the deployment. A result for another agent's job is {@code 404}, for a finished job {@code 409}; neither changes
 * anything. <b>Not thread safe</b>: owned by the engine thread.
 */
final class AgentFlow
{
    private static final int MAX_LOG_LINE = 1000;

    private final EngineContext context;
    private final EaState state;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView logs = new AsciiView();

    AgentFlow(final EngineContext context, final EaState state)
    {
        this.context = context;
        this.state = state;
    }

    /** PAIR_AGENT → 201 {"agent_id", "agent_name", "created_at"} (the gateway adds the pairing key, shown this once). */
    void pair(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String agentId = reader.readString(text).toString();
        final String name = reader.readString(text).toString();
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (state.executors.find(agentId) != null)
        {
            event.reject(ResultCode.CONFLICT, "an agent or executor with this id exists", "agent_id");
            return;
        }
        if (state.executors.isFull())
        {
            event.reject(ResultCode.CONFLICT, "the executor table is full (engine.max_accounts)", null);
            return;
        }
        final Executor agent = state.executors.addAgent(agentId, name, state.owner(event.principal()), event.wallMicros());
        event.resultId = agent.index;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("agent_id").string(agent.id);
        json.name("agent_name").string(agent.name);
        json.name("created_at").time(agent.createdAtMicros);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** AGENT_NEXT_JOB → {"job_id", "type", "payload"} (the job is now running) or {"no_jobs": true}. */
    void nextJob(final CommandEvent event)
    {
        final Executor agent = state.executors.find(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        final boolean deploymentOrder = EaBodies.nextJobRules(reader, event.frameLength()) == EaBodies.NEXT_JOB_RULES_DEPLOYMENT_ORDER;
        if (agent == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "agent not found", "agent_id");
            return;
        }
        final long now = event.wallMicros();
        agent.lastHeartbeatMicros = now;
        final AgentJob job = state.nextJob(agent.index, now, deploymentOrder);
        final JsonWriter json = context.beginJson(event);
        if (job == null)
        {
            json.startObject().name("no_jobs").bool(true).endObject();
        }
        else
        {
            job.status = AgentJob.RUNNING;
            job.takenMicros = now;
            job.deliveries++;
            EaJson.job(state, job, json);
            if (job.deployment >= 0)
            {
                state.deployments.get(job.deployment).log(now, "INFO", "agent " + agent.id + " took job_" + job.seq + " (" + job.typeName() + ")");
            }
        }
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** AGENT_JOB_RESULT → {"acknowledged": true, "job_id", "status"}. */
    void result(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Executor agent = state.executors.find(reader.readString(text));
        final AgentJob job = state.job(reader.readString(text));
        final boolean completed = reader.readByte() == EaBodies.RESULT_COMPLETED;
        reader.readString(logs);
        final boolean hasArtifact = reader.readBoolean();
        final byte[] sha = bytes(reader.readString(text));
        final long size = reader.readLong();
        final String fileName = reader.readString(text).toString();
        final String externalUrl = reader.readString(text).toString();
        reader.readString(text);  // the agent's result object: journaled for the record, not decided on
        final int rules = EaBodies.jobResultRules(reader, event.frameLength());
        if (agent == null)
        {
            event.reject(ResultCode.EXECUTOR_NOT_FOUND, "agent not found", "agent_id");
            return;
        }
        if (job == null || job.agent != agent.index)
        {
            event.reject(ResultCode.NOT_FOUND, "job not found (it is not this agent's)", "job_id");
            return;
        }
        if (!job.isOpen())
        {
            event.reject(ResultCode.CONFLICT, "job_" + job.seq + " is finished (" + job.statusName() + "): a result is taken once", "job_id");
            return;
        }
        final long now = event.wallMicros();
        job.status = completed ? AgentJob.COMPLETED : AgentJob.FAILED;
        job.finishedMicros = now;
        agent.lastHeartbeatMicros = now;
        if (job.type == AgentJob.COMPILE)
        {
            // a late result of an older compile settles its job only: the version keeps the newer compile's outcome and EX5
            if (rules == EaBodies.JOB_RESULT_RULES_LAST_ANSWERED || !state.newerCompileAnswered(job))
            {
                if (compiled(event, job, completed, hasArtifact, sha, size, fileName, externalUrl, now))
                {
                    event.resultId = EaBodies.RESULT_ARTIFACT_TAKEN;
                }
            }
        }
        else
        {
            deployed(job, completed, now);
        }
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("acknowledged").bool(true);
        json.name("job_id").string(EaState.JOB_PREFIX, job.seq);
        json.name("status").string(job.statusName());
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** Settles the version; true when it took the result's EX5 (and then the replaced EX5 no one shares is released). */
    private boolean compiled(final CommandEvent event, final AgentJob job, final boolean completed, final boolean hasArtifact,
        final byte[] sha, final long size, final String fileName, final String externalUrl, final long now)
    {
        final EaVersion version = state.versions.get(job.version);
        version.buildLog = logs.toString();
        version.updatedMicros = now;
        if (!completed)
        {
            version.status = EaVersion.FAILED;
            return false;
        }
        if (hasArtifact)
        {
            // A recompile replaces the version's EX5 in its own slot (same art_N, the new build): a version holds one MQ5
            // and at most one EX5, so the artifact table never outgrows 2 x ea.max_versions and recompiling locks no one out.
            final boolean rebuilt = version.compiled >= 0;
            final Artifact ex5 = new Artifact(rebuilt ? version.compiled : state.artifacts.size(), version.index, Artifact.EX5, sha, size,
                fileName, externalUrl.isEmpty() ? null : externalUrl, now);
            if (rebuilt)
            {
                final byte[] replaced = state.artifacts.set(ex5.index, ex5).sha256;
                // its file goes once the new one is settled, unless another artifact (this one too) is the same bytes
                event.released = state.noArtifactIs(replaced) ? replaced : null;
            }
            else
            {
                state.artifacts.add(ex5);
            }
            version.compiled = ex5.index;
        }
        version.status = version.compiled >= 0 ? EaVersion.COMPILED : EaVersion.FAILED;
        if (version.compiled < 0)
        {
            version.buildLog = "the agent reported the compile done but sent no EX5\n" + version.buildLog;
        }
        return hasArtifact;
    }

    private void deployed(final AgentJob job, final boolean completed, final long now)
    {
        final Deployment deployment = state.deployments.get(job.deployment);
        deployment.updatedMicros = now;
        final String level = completed ? "INFO" : "ERROR";
        int start = 0;
        for (int i = 0; i <= logs.length(); i++)
        {
            if (i == logs.length() || logs.byteAt(i) == '\n')
            {
                if (i > start)
                {
                    final String line = logs.buffer().getStringWithoutLengthUtf8(logs.offset() + start, i - start).strip();
                    if (!line.isEmpty())
                    {
                        deployment.log(now, level, line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) : line);
                    }
                }
                start = i + 1;
            }
        }
        deployment.log(now, level, "job_" + job.seq + " (" + job.typeName() + ") " + (completed ? "completed" : "failed"));
        if (!completed && (job.type == AgentJob.DEPLOY || job.type == AgentJob.RUN))
        {
            deployment.status = Deployment.FAILED;
        }
        else if (completed && job.type == AgentJob.DEPLOY && Deployment.PENDING.equals(deployment.status))
        {
            deployment.status = Deployment.DEPLOYED;
        }
    }

    private static byte[] bytes(final AsciiView view)
    {
        final byte[] out = new byte[view.length()];
        view.copyTo(out);
        return out;
    }
}
