package io.ordergate.mt5.ea;

import java.util.Arrays;

import io.ordergate.mt5.Executor;

/**
 * The EA room's fingerprint for the engine's state digest: every field of every agent, project, version, artifact,
 * deployment (its kept log lines too) and job, in table order (never hash order), so a replay or a snapshot that
 * loses or changes any of them shows. <b>Not thread safe</b>: engine thread.
 */
final class EaDigest
{
    private transient long hash;  // scratch of one compute

    long compute(final EaState state)
    {
        hash = 0x3c6ef372fe94f82bL;
        for (int i = 0; i < state.executors.count(); i++)
        {
            final Executor agent = state.executors.get(i);
            if (agent.agent)
            {
                agent(agent);
            }
        }
        mix(state.projects.size());
        for (final Project p : state.projects)
        {
            mix(p.owner, text(p.name), text(p.strategyId), p.createdMicros, p.versionCount, p.latestVersion);
        }
        mix(state.versions.size());
        for (final EaVersion v : state.versions)
        {
            mix(v.project, v.number, v.createdMicros, text(v.generator), text(v.summary), text(v.status));
            mix(v.source, v.compiled, text(v.buildLog), v.updatedMicros);
        }
        mix(state.artifacts.size());
        for (final Artifact a : state.artifacts)
        {
            mix(a.version, a.kind, Arrays.hashCode(a.sha256), a.size, text(a.fileName), text(a.externalUrl));
            mix(a.createdMicros);
        }
        mix(state.deployments.size());
        for (final Deployment d : state.deployments)
        {
            deployment(d);
        }
        mix(state.nextJobSeq());
        for (int i = 0; i < state.jobCapacity(); i++)
        {
            final AgentJob job = state.jobSlot(i);
            if (job.seq != 0)
            {
                mix(job.seq, job.agent, job.type, job.version, job.deployment, job.status);
                mix(job.createdMicros, job.takenMicros, job.finishedMicros, job.deliveries);
            }
        }
        return hash;
    }

    private void agent(final Executor agent)
    {
        mix(agent.index, text(agent.id), text(agent.name), agent.ownerPrincipal, agent.createdAtMicros, agent.lastHeartbeatMicros);
        mix(text(agent.lastStatus), agent.metadataLength);
        for (int i = 0; i < agent.metadataLength; i++)
        {
            mix(agent.metadata.getByte(i));
        }
    }

    private void deployment(final Deployment d)
    {
        mix(d.owner, d.version, d.agent, d.account, text(d.symbol), d.createdMicros);
        mix(text(d.status), d.startedMicros, d.stoppedMicros, d.updatedMicros, d.logCount());
        for (int i = 0; i < d.logSize(); i++)
        {
            final int slot = d.logSlot(i);
            mix(d.logTime(slot), text(d.logLevel(slot)), text(d.logMessage(slot)));
        }
    }

    private static long text(final String value)
    {
        return value == null ? 0 : value.hashCode() * 2L + 1;  // null and "" differ
    }

    private void mix(final long... values)
    {
        for (final long value : values)
        {
            hash = Long.rotateLeft(hash ^ (value * 0x9E3779B97F4A7C15L), 27);
        }
    }
}
