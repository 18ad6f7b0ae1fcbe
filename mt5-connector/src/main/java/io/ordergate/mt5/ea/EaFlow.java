package io.ordergate.mt5.ea;

import io.ordergate.config.VenueKind;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.mt5.Executor;

/**
 * Seed 002's EA commands: projects, generated versions (the gateway made the MQL5 source and stored it; the command
 * carries its hash), compile, deployments, run and stop — the last four as jobs for an agent. Rare paths: they may
 * allocate. <b>Not thread safe</b>: owned by the engine thread.
 */
final class EaFlow
{
    private static final int MAX_NAME = 128;

    private final EngineContext context;
    private final EaState state;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView other = new AsciiView();

    EaFlow(final EngineContext context, final EaState state)
    {
        this.context = context;
        this.state = state;
    }

    /** CREATE_EA_PROJECT → 201 {"project_id", "name", "strategy_id", "created_at"}. */
    void createProject(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final String name = reader.readString(text).toString();
        final String strategyId = reader.readString(text).toString();
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (name.isBlank() || name.length() > MAX_NAME)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "name must be 1 to " + MAX_NAME + " characters", "name");
            return;
        }
        if (state.projects.size() >= state.config.maxProjects())
        {
            event.reject(ResultCode.CONFLICT, "the project table is full (ea.max_projects)", null);
            return;
        }
        final Project project = new Project(state.projects.size(), state.owner(event.principal()), name,
            strategyId.isEmpty() ? null : strategyId, event.wallMicros());
        state.projects.add(project);
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("project_id").string(project.id());
        json.name("name").string(project.name);
        json.name("strategy_id").string(project.strategyId);
        json.name("created_at").time(project.createdMicros);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** EA_GENERATE → 201 the version (the gateway adds its source_code). */
    void generate(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Project project = state.project(reader.readString(text));
        final byte[] sha = bytes(reader.readString(other));
        final long size = reader.readLong();
        final String fileName = reader.readString(text).toString();
        final String generator = reader.readString(text).toString();
        final String summary = reader.readString(text).toString();
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (project == null || !state.sees(event.principal(), project.owner))
        {
            event.reject(ResultCode.NOT_FOUND, "project not found", "project_id");
            return;
        }
        if (state.versions.size() >= state.config.maxVersions())  // the artifacts follow: one MQ5 and at most one EX5 a version
        {
            event.reject(ResultCode.CONFLICT, "the version table is full (ea.max_versions)", null);
            return;
        }
        final long now = event.wallMicros();
        final EaVersion version = new EaVersion(state.versions.size(), project.index, ++project.versionCount, now, generator, summary);
        state.versions.add(version);
        final Artifact source = new Artifact(state.artifacts.size(), version.index, Artifact.MQ5, sha, size, fileName, null, now);
        state.artifacts.add(source);
        version.source = source.index;
        project.latestVersion = version.index;
        final JsonWriter json = context.beginJson(event);
        EaJson.version(state, version, json);
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** EA_COMPILE → 202 {"job_id", "status": "pending"}: a compile job for the agent named, or the caller's agent seen last. */
    void compile(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final EaVersion version = state.version(reader.readString(text));
        reader.readString(other);
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (version == null || !state.sees(event.principal(), state.projects.get(version.project).owner))
        {
            event.reject(ResultCode.NOT_FOUND, "version not found", "version_id");
            return;
        }
        final Executor agent = agent(event, other);
        if (agent == null || !canQueue(event, agent))
        {
            return;
        }
        final AgentJob job = state.addJob(agent.index, AgentJob.COMPILE, event.wallMicros());
        job.version = version.index;
        version.status = EaVersion.COMPILING;
        version.updatedMicros = event.wallMicros();
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("job_id").string(EaState.JOB_PREFIX, job.seq);
        json.name("status").string("pending");
        json.name("agent_id").string(agent.id);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.ACCEPTED;
    }

    /** CREATE_DEPLOYMENT → 201 {"deployment_id", "status": "pending", "created_at"}, and a deploy job. */
    void deploy(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final EaVersion version = state.version(reader.readString(text));
        reader.readString(other);
        final String agentId = other.toString();
        final Account account = reader.readString(text).isEmpty() ? null : context.accounts().find(text);
        final boolean accountNamed = !text.isEmpty();
        final String symbol = reader.readString(text).toString();
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (version == null || !state.sees(event.principal(), state.projects.get(version.project).owner))
        {
            event.reject(ResultCode.NOT_FOUND, "version not found", "version_id");
            return;
        }
        if (accountNamed && (account == null || !context.principals().canAccess(event.principal(), account.index)
            || account.venue != VenueKind.MT5.code()))
        {
            event.reject(ResultCode.NOT_FOUND, "broker connection not found (an mt5 account of yours)", "broker_connection_id");
            return;
        }
        if (version.compiled < 0)
        {
            event.reject(ResultCode.CONFLICT, "the version is not compiled yet (" + version.status + "): compile it first", "version_id");
            return;
        }
        other.wrap(event.frame, 0, 0);
        final Executor agent = agentId.isEmpty() ? agent(event, other) : agentNamed(event, agentId);
        if (agent == null || !canQueue(event, agent))
        {
            return;
        }
        if (state.deployments.size() >= state.config.maxDeployments())
        {
            event.reject(ResultCode.CONFLICT, "the deployment table is full (ea.max_deployments)", null);
            return;
        }
        final long now = event.wallMicros();
        final Deployment deployment = new Deployment(state.deployments.size(), state.owner(event.principal()), version.index, agent.index,
            account == null ? -1 : account.index, symbol, now, state.config.maxLogLines());
        state.deployments.add(deployment);
        final AgentJob job = state.addJob(agent.index, AgentJob.DEPLOY, now);
        job.deployment = deployment.index;
        job.version = version.index;
        deployment.log(now, "INFO", "deploy of " + version.id() + " (" + symbol + ") sent to agent " + agent.id + " as job_" + job.seq);
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("deployment_id").string(deployment.id());
        json.name("status").string(deployment.status);
        json.name("job_id").string(EaState.JOB_PREFIX, job.seq);
        json.name("created_at").time(now);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** DEPLOYMENT_RUN / DEPLOYMENT_STOP → 200 {"status": "running", "started_at"} / {"status": "stopped", "stopped_at"}, and a job. */
    void runOrStop(final CommandEvent event, final boolean run)
    {
        final Deployment deployment = state.deployment(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (!context.principals().requireTrade(event))
        {
            return;
        }
        if (deployment == null || !state.sees(event.principal(), deployment.owner))
        {
            event.reject(ResultCode.NOT_FOUND, "deployment not found", "deployment_id");
            return;
        }
        if (Deployment.FAILED.equals(deployment.status))
        {
            event.reject(ResultCode.CONFLICT, "the deployment failed: see its logs, and deploy again", "deployment_id");
            return;
        }
        if (!canQueue(event, state.executors.get(deployment.agent)))
        {
            return;
        }
        final long now = event.wallMicros();
        final AgentJob job = state.addJob(deployment.agent, run ? AgentJob.RUN : AgentJob.STOP, now);
        job.deployment = deployment.index;
        job.version = deployment.version;
        deployment.status = run ? Deployment.RUNNING : Deployment.STOPPED;
        deployment.updatedMicros = now;
        if (run)
        {
            deployment.startedMicros = now;
        }
        else
        {
            deployment.stoppedMicros = now;
        }
        deployment.log(now, "INFO", (run ? "run" : "stop") + " requested: job_" + job.seq);
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("deployment_id").string(deployment.id());
        json.name("status").string(deployment.status);
        json.name(run ? "started_at" : "stopped_at").time(now);
        json.name("job_id").string(EaState.JOB_PREFIX, job.seq);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** The agent a job goes to: the one named, or the caller's agent heard from last. */
    private Executor agent(final CommandEvent event, final AsciiView named)
    {
        if (!named.isEmpty())
        {
            return agentNamed(event, named.toString());
        }
        Executor best = null;
        for (int i = 0; i < state.executors.count(); i++)
        {
            final Executor candidate = state.executors.get(i);
            if (candidate.agent && state.mayUse(event.principal(), candidate)
                && (best == null || candidate.lastHeartbeatMicros > best.lastHeartbeatMicros))
            {
                best = candidate;
            }
        }
        if (best == null)
        {
            event.reject(ResultCode.EXECUTOR_OFFLINE, "you have no agent: pair one (POST /api/v1/agents/pair) or name agent_id", "agent_id");
        }
        return best;
    }

    private Executor agentNamed(final CommandEvent event, final String agentId)
    {
        final Executor agent = state.executors.find(agentId);
        if (agent == null || !state.mayUse(event.principal(), agent))
        {
            event.reject(ResultCode.NOT_FOUND, "agent not found", "agent_id");
            return null;
        }
        return agent;  // an agent not heard from yet takes its jobs when it starts polling
    }

    /**
     * Room for one more job for the agent: under {@code ea.max_jobs_per_agent} unfinished ones (an agent that never polls
     * holds that many places, not the whole table: 422 EXECUTOR_BUSY), and a slot of the table free of an unfinished job.
     */
    private boolean canQueue(final CommandEvent event, final Executor agent)
    {
        if (state.openJobs(agent.index) >= state.config.maxJobsPerAgent())
        {
            event.reject(ResultCode.EXECUTOR_BUSY, "agent " + agent.id + " has " + state.config.maxJobsPerAgent()
                + " unfinished jobs (ea.max_jobs_per_agent): it must take or answer some first", "agent_id");
            return false;
        }
        if (!state.canAddJob())
        {
            event.reject(ResultCode.VENUE_UNAVAILABLE, "the job table is full of unfinished jobs (ea.max_jobs)", null);
            return false;
        }
        return true;
    }

    private static byte[] bytes(final AsciiView view)
    {
        final byte[] out = new byte[view.length()];
        view.copyTo(out);
        return out;
    }
}
