package io.ordergate.mt5.ea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ordergate.config.EaConfig;
import io.ordergate.engine.auth.Principals;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.mt5.Executor;
import io.ordergate.mt5.Executors;

/**
 * The EA room's tables (seed 002), each bounded by {@code ea.*} and filled in command order, so ids are the same on
 * every replay: projects {@code prj_N}, versions {@code ver_N}, artifacts {@code art_N}, deployments {@code dep_N}
 * (N is the position in the table, from 1), and a ring of agent jobs {@code job_N} (N their sequence; a finished
 * job's slot is reused, a slot still holding an unfinished job is passed over). Who owns what: a user owns what they
 * made; a key made by a user acts for that user; an admin sees everything. <b>Not thread safe</b>: owned by the engine
 * thread.
 */
final class EaState
{
    static final String PROJECT_PREFIX = "prj_";
    static final String VERSION_PREFIX = "ver_";
    static final String ARTIFACT_PREFIX = "art_";
    static final String DEPLOYMENT_PREFIX = "dep_";
    static final String JOB_PREFIX = "job_";

    final EaConfig config;
    final Principals principals;
    final Executors executors;
    final List<Project> projects = new ArrayList<>();
    final List<EaVersion> versions = new ArrayList<>();
    final List<Artifact> artifacts = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    private final AgentJob[] jobs;
    private long nextJob = 1;

    EaState(final EaConfig config, final Principals principals, final Executors executors)
    {
        this.config = config;
        this.principals = principals;
        this.executors = executors;
        this.jobs = new AgentJob[config.maxJobs()];
        for (int i = 0; i < jobs.length; i++)
        {
            jobs[i] = new AgentJob();
        }
    }

    /**
     * Whether no artifact, of any version, is stored as these bytes (false for none stored: an agent's URL). A scan of
     * the artifact table (at most 2 x ea.max_versions), once per recompile.
     */
    boolean noArtifactIs(final byte[] sha256)
    {
        if (sha256.length == 0)
        {
            return false;
        }
        for (final Artifact artifact : artifacts)
        {
            if (Arrays.equals(artifact.sha256, sha256))
            {
                return false;
            }
        }
        return true;
    }

    /** Whom a principal acts for: a key made by a user acts for that user. */
    int owner(final int principal)
    {
        if (principals.isKey(principal))
        {
            final int maker = principals.owner(principal);
            if (maker >= 0 && principals.isUser(maker))
            {
                return maker;
            }
        }
        return principal;
    }

    /** Whether a principal sees what {@code owner} made: its own, or anything for an admin. */
    boolean sees(final int principal, final int ownerPrincipal)
    {
        return principals.isAdmin(principal) || owner(principal) == ownerPrincipal;
    }

    /** Whether a principal may give jobs to an executor: an agent it paired, or the executor of an account it may use. */
    boolean mayUse(final int principal, final Executor executor)
    {
        if (principals.isAdmin(principal))
        {
            return true;
        }
        if (executor.accountIndex >= 0)
        {
            return principals.canAccess(principal, executor.accountIndex);
        }
        return executor.ownerPrincipal == owner(principal);
    }

    Project project(final AsciiView id)
    {
        final int index = index(id, PROJECT_PREFIX, projects.size());
        return index < 0 ? null : projects.get(index);
    }

    EaVersion version(final AsciiView id)
    {
        final int index = index(id, VERSION_PREFIX, versions.size());
        return index < 0 ? null : versions.get(index);
    }

    Artifact artifact(final AsciiView id)
    {
        final int index = index(id, ARTIFACT_PREFIX, artifacts.size());
        return index < 0 ? null : artifacts.get(index);
    }

    Deployment deployment(final AsciiView id)
    {
        final int index = index(id, DEPLOYMENT_PREFIX, deployments.size());
        return index < 0 ? null : deployments.get(index);
    }

    /** The job with this id while it is remembered, or null. */
    AgentJob job(final AsciiView id)
    {
        final long seq = number(id, JOB_PREFIX);
        if (seq <= 0 || seq >= nextJob)
        {
            return null;
        }
        final AgentJob job = jobs[(int)(seq % jobs.length)];
        return job.seq == seq ? job : null;
    }

    /** The agent's unfinished (pending or running) jobs; bounded by {@code ea.max_jobs_per_agent}. Rare path: a walk of the table. */
    int openJobs(final int agent)
    {
        int open = 0;
        for (final AgentJob job : jobs)
        {
            if (job.seq != 0 && job.agent == agent && job.isOpen())
            {
                open++;
            }
        }
        return open;
    }

    /**
     * Whether a newer compile of the same version was answered (completed or failed) while the table remembers it. Rare
     * path (a compile's result): a walk of the table.
     */
    boolean newerCompileAnswered(final AgentJob compile)
    {
        for (final AgentJob job : jobs)
        {
            if (job.seq > compile.seq && job.type == AgentJob.COMPILE && job.version == compile.version && !job.isOpen())
            {
                return true;
            }
        }
        return false;
    }

    /** Some slot of the job table holds no unfinished job. */
    boolean canAddJob()
    {
        for (final AgentJob job : jobs)
        {
            if (job.seq == 0 || !job.isOpen())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a job in the next slot free of an unfinished one; the caller checked {@link #canAddJob}. The sequences whose
     * slot still holds an unfinished job are skipped (no job ever has them), so a job an agent never takes keeps its
     * slot and its id, and blocks no other agent's.
     */
    AgentJob addJob(final int agent, final int type, final long now)
    {
        while (jobs[(int)(nextJob % jobs.length)].isOpen())
        {
            nextJob++;
        }
        final long seq = nextJob++;
        final AgentJob job = jobs[(int)(seq % jobs.length)];
        job.reset(seq, agent, type, now);
        return job;
    }

    /**
     * The agent's oldest job to hand out: pending, or running but not answered within the lease; by today's rules not one
     * whose deployment has an older job unanswered. Null when none. A walk of every slot: an unfinished job may be older
     * than the last lap of sequences.
     */
    AgentJob nextJob(final int agent, final long now, final boolean deploymentOrder)
    {
        final long lease = config.jobLeaseSeconds() * 1_000_000L;
        AgentJob oldest = null;
        for (final AgentJob job : jobs)
        {
            if (job.seq != 0 && job.agent == agent && (oldest == null || job.seq < oldest.seq)
                && (job.status == AgentJob.PENDING || job.status == AgentJob.RUNNING && now - job.takenMicros >= lease)
                && !(deploymentOrder && olderJobOpen(job)))
            {
                oldest = job;
            }
        }
        return oldest;
    }

    /**
     * Whether an older job of the same deployment is unanswered: a run or stop waits for its deployment's deploy (and any
     * earlier run or stop) to be answered, so an agent never gets them out of order. A walk, for a deployment's job only.
     */
    private boolean olderJobOpen(final AgentJob job)
    {
        if (job.deployment < 0)
        {
            return false;
        }
        for (final AgentJob other : jobs)
        {
            if (other.seq != 0 && other.seq < job.seq && other.deployment == job.deployment && other.isOpen())
            {
                return true;
            }
        }
        return false;
    }

    long nextJobSeq()
    {
        return nextJob;
    }

    AgentJob jobSlot(final int index)
    {
        return jobs[index];
    }

    int jobCapacity()
    {
        return jobs.length;
    }

    /** The index a prefixed id names, or -1. */
    private static int index(final AsciiView id, final String prefix, final int size)
    {
        final long number = number(id, prefix);
        return number >= 1 && number <= size ? (int)number - 1 : -1;
    }

    /** The number after a prefix ({@code prj_12} is 12), or -1. */
    static long number(final AsciiView id, final String prefix)
    {
        if (id.length() <= prefix.length() || id.length() > prefix.length() + 18)
        {
            return -1;
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            if (id.byteAt(i) != prefix.charAt(i))
            {
                return -1;
            }
        }
        long value = 0;
        for (int i = prefix.length(); i < id.length(); i++)
        {
            final int digit = id.byteAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
