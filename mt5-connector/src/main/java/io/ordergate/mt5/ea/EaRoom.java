package io.ordergate.mt5.ea;

import io.ordergate.engine.Engine;
import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.CommandType;
import io.ordergate.mt5.Executors;

/**
 * The engine's room for seed 002's agents, EA projects, versions, artifacts, deployments and agent jobs, plugged in by
 * the MT5 connector (agents are executors of its registry). Every change is a journaled command applied here, so a
 * replay rebuilds the same tables and ids; reads travel the ring. <b>Not thread safe</b>: built on the start-up thread
 * before replay, engine thread after.
 *
 * <pre>
 *   PAIR_AGENT, AGENT_NEXT_JOB, AGENT_JOB_RESULT                                            ─► AgentFlow
 *   CREATE_EA_PROJECT, EA_GENERATE, EA_COMPILE, CREATE_DEPLOYMENT, DEPLOYMENT_RUN, _STOP     ─► EaFlow
 *   LIST_AGENTS, LIST_EA_PROJECTS, LIST_EA_VERSIONS, EA_ARTIFACTS, GET_ARTIFACT,
 *   GET_DEPLOYMENT, LIST_DEPLOYMENTS, DEPLOYMENT_LOGS                                       ─► EaReads
 * </pre>
 */
public final class EaRoom
{
    private final EaState state;
    private final EaDigest digest = new EaDigest();

    private EaRoom(final Engine engine, final Executors executors)
    {
        final EngineContext context = engine.context();
        state = new EaState(context.config().ea(), context.principals(), executors);
        final AgentFlow agents = new AgentFlow(context, state);
        final EaFlow ea = new EaFlow(context, state);
        final EaReads reads = new EaReads(context, state);
        engine.handle(CommandType.PAIR_AGENT, agents::pair);
        engine.handle(CommandType.AGENT_NEXT_JOB, agents::nextJob);
        engine.handle(CommandType.AGENT_JOB_RESULT, agents::result);
        engine.handle(CommandType.CREATE_EA_PROJECT, ea::createProject);
        engine.handle(CommandType.EA_GENERATE, ea::generate);
        engine.handle(CommandType.EA_COMPILE, ea::compile);
        engine.handle(CommandType.CREATE_DEPLOYMENT, ea::deploy);
        engine.handle(CommandType.DEPLOYMENT_RUN, event -> ea.runOrStop(event, true));
        engine.handle(CommandType.DEPLOYMENT_STOP, event -> ea.runOrStop(event, false));
        engine.handle(CommandType.LIST_AGENTS, reads::agents);
        engine.handle(CommandType.LIST_EA_PROJECTS, reads::projects);
        engine.handle(CommandType.LIST_EA_VERSIONS, reads::versions);
        engine.handle(CommandType.EA_ARTIFACTS, reads::artifacts);
        engine.handle(CommandType.GET_ARTIFACT, reads::artifact);
        engine.handle(CommandType.GET_DEPLOYMENT, reads::deployment);
        engine.handle(CommandType.LIST_DEPLOYMENTS, reads::deployments);
        engine.handle(CommandType.DEPLOYMENT_LOGS, reads::logs);
    }

    /** Plugs the room in; before replay. */
    public static EaRoom install(final Engine engine, final Executors executors)
    {
        return new EaRoom(engine, executors);
    }

    /** A fingerprint of every table, its agents included ({@link EaDigest}). Engine thread. */
    public long digest()
    {
        return digest.compute(state);
    }
}
