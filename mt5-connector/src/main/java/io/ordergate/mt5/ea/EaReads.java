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
 * Seed 002's reads, each a command through the ring (so it sees every change before it): lists paginated as seed 002
 * writes them ({@code {"items", "total", "page", "page_size", "total_pages"}}, plus the list under its own name where
 * seed 002's example uses one), a version's artifacts, a deployment and its logs, and the check of who may download
 * an artifact. A principal sees what it (or the user who made its key) made; an admin sees everything.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class EaReads
{
    private final EngineContext context;
    private final EaState state;
    private final long offlineAfterMicros;
    private final BodyReader reader = new BodyReader();
    private final AsciiView text = new AsciiView();
    private final AsciiView agentId = new AsciiView();
    private int page;
    private int pageSize;
    /** Where the items array starts in the output, so it can be written again under the list's own name. */
    private int itemsStart;
    private String listName;

    EaReads(final EngineContext context, final EaState state)
    {
        this.context = context;
        this.state = state;
        this.offlineAfterMicros = context.config().executors().offlineAfterSeconds() * 1_000_000L;
    }

    void projects(final CommandEvent event)
    {
        readPage(reader.wrap(event.frame, CommandFrame.BODY_OFFSET));
        final int principal = event.principal();
        int total = 0;
        for (final Project project : state.projects)
        {
            total += state.sees(principal, project.owner) ? 1 : 0;
        }
        final JsonWriter json = start(event, total, "projects");
        int seen = 0;
        for (int i = state.projects.size() - 1; i >= 0; i--)  // newest first
        {
            final Project project = state.projects.get(i);
            if (state.sees(principal, project.owner) && onPage(seen++))
            {
                EaJson.project(state, project, json);
            }
        }
        end(event, json);
    }

    void versions(final CommandEvent event)
    {
        final Project project = state.project(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        readPage(reader);
        if (project == null || !state.sees(event.principal(), project.owner))
        {
            event.reject(ResultCode.NOT_FOUND, "project not found", "project_id");
            return;
        }
        final JsonWriter json = start(event, project.versionCount, "versions");
        int seen = 0;
        for (int i = state.versions.size() - 1; i >= 0; i--)
        {
            final EaVersion version = state.versions.get(i);
            if (version.project == project.index && onPage(seen++))
            {
                EaJson.version(state, version, json);
            }
        }
        end(event, json);
    }

    /** EA_ARTIFACTS → {"version_id", "status", "artifacts": [...]}. */
    void artifacts(final CommandEvent event)
    {
        final EaVersion version = state.version(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (version == null || !state.sees(event.principal(), state.projects.get(version.project).owner))
        {
            event.reject(ResultCode.NOT_FOUND, "version not found", "version_id");
            return;
        }
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("version_id").string(version.id());
        json.name("status").string(version.status);
        json.name("artifacts").startArray();
        for (final int index : new int[] {version.source, version.compiled})
        {
            if (index >= 0)
            {
                EaJson.artifact(state.artifacts.get(index), json);
            }
        }
        json.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /**
     * GET_ARTIFACT: may the caller download it? A user or key that sees its project, or an agent with a job for its
     * version (or owned by the project's owner). Answers the artifact (the gateway then serves the file).
     */
    void artifact(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Artifact artifact = state.artifact(reader.readString(text));
        reader.readString(agentId);
        final Project project = artifact == null ? null : state.projects.get(state.versions.get(artifact.version).project);
        final boolean allowed = project != null && (agentId.isEmpty()
            ? state.sees(event.principal(), project.owner) : agentMay(state.executors.find(agentId), artifact, project));
        if (!allowed)
        {
            event.reject(ResultCode.NOT_FOUND, "artifact not found", "artifact_id");
            return;
        }
        final JsonWriter json = context.beginJson(event);
        EaJson.artifact(artifact, json);
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private boolean agentMay(final Executor agent, final Artifact artifact, final Project project)
    {
        if (agent == null)
        {
            return false;
        }
        if (agent.agent && agent.ownerPrincipal == project.owner)
        {
            return true;
        }
        for (int i = 0; i < state.jobCapacity(); i++)
        {
            final AgentJob job = state.jobSlot(i);
            if (job.seq != 0 && job.agent == agent.index && job.version == artifact.version)
            {
                return true;
            }
        }
        return false;
    }

    void deployment(final CommandEvent event)
    {
        final Deployment deployment = visible(event);
        if (deployment != null)
        {
            final JsonWriter json = context.beginJson(event);
            EaJson.deployment(state, deployment, json, accountId(deployment));
            context.endJson(event);
            event.result = ResultCode.OK;
        }
    }

    void deployments(final CommandEvent event)
    {
        readPage(reader.wrap(event.frame, CommandFrame.BODY_OFFSET));
        int total = 0;
        for (final Deployment deployment : state.deployments)
        {
            total += state.sees(event.principal(), deployment.owner) ? 1 : 0;
        }
        final JsonWriter json = start(event, total, "deployments");
        int seen = 0;
        for (int i = state.deployments.size() - 1; i >= 0; i--)
        {
            final Deployment deployment = state.deployments.get(i);
            if (state.sees(event.principal(), deployment.owner) && onPage(seen++))
            {
                EaJson.deployment(state, deployment, json, accountId(deployment));
            }
        }
        end(event, json);
    }

    /** DEPLOYMENT_LOGS → {"logs": [{"timestamp", "level", "message"}], "items", ...}, oldest first. */
    void logs(final CommandEvent event)
    {
        final Deployment deployment = visible(event);
        if (deployment == null)
        {
            return;
        }
        readPage(reader);
        final int total = deployment.logSize();
        final JsonWriter json = start(event, total, "logs");
        for (int i = 0; i < total; i++)
        {
            if (onPage(i))
            {
                final int slot = deployment.logSlot(i);
                json.startObject().name("timestamp").time(deployment.logTime(slot)).name("level").string(deployment.logLevel(slot))
                    .name("message").string(deployment.logMessage(slot)).endObject();
            }
        }
        end(event, json);
    }

    void agents(final CommandEvent event)
    {
        readPage(reader.wrap(event.frame, CommandFrame.BODY_OFFSET));
        int total = 0;
        for (int i = 0; i < state.executors.count(); i++)
        {
            final Executor executor = state.executors.get(i);
            total += executor.agent && state.mayUse(event.principal(), executor) ? 1 : 0;
        }
        final JsonWriter json = start(event, total, "agents");
        int seen = 0;
        for (int i = 0; i < state.executors.count(); i++)
        {
            final Executor executor = state.executors.get(i);
            if (executor.agent && state.mayUse(event.principal(), executor) && onPage(seen++))
            {
                EaJson.agent(executor, executor.isOnline(event.wallMicros(), offlineAfterMicros), json);
            }
        }
        end(event, json);
    }

    private Deployment visible(final CommandEvent event)
    {
        final Deployment deployment = state.deployment(reader.wrap(event.frame, CommandFrame.BODY_OFFSET).readString(text));
        if (deployment == null || !state.sees(event.principal(), deployment.owner))
        {
            event.reject(ResultCode.NOT_FOUND, "deployment not found", "deployment_id");
            return null;
        }
        return deployment;
    }

    private String accountId(final Deployment deployment)
    {
        return deployment.account < 0 ? null : context.accounts().get(deployment.account).id;
    }

    private void readPage(final BodyReader body)
    {
        page = Math.max(1, body.readInt());
        pageSize = Math.max(1, body.readInt());
    }

    private boolean onPage(final int position)
    {
        final long first = (long)(page - 1) * pageSize;
        return position >= first && position < first + pageSize;
    }

    /** Opens the paginated envelope: the list is written as {@code items} and, at the end, again under {@code name}. */
    private JsonWriter start(final CommandEvent event, final int total, final String name)
    {
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("total").number(total);
        json.name("page").number(page);
        json.name("page_size").number(pageSize);
        json.name("total_pages").number((total + pageSize - 1) / pageSize);
        json.name("items");
        itemsStart = json.length();
        listName = name;
        return json.startArray();
    }

    /** Closes the envelope; the items again under the list's name ({@code "projects"}, {@code "logs"}: seed 002's examples). */
    private void end(final CommandEvent event, final JsonWriter json)
    {
        json.endArray();
        final int itemsEnd = json.length();
        json.name(listName).raw(event.output, itemsStart, itemsEnd - itemsStart);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }
}
