package io.ordergate.config;

/**
 * Agents, EA projects and deployments (seed 002): the sizes of their tables (allocated as they fill, never past these),
 * the generation limit, the artifact bound and how long an agent may hold a job before it is offered again.
 * Immutable: safe from any thread.
 */
public final class EaConfig
{
    private final int maxProjects;
    private final int maxVersions;
    private final int maxDeployments;
    private final int maxJobs;
    private final int maxJobsPerAgent;
    private final int maxLogLines;
    private final int generationsPerHour;
    private final int maxArtifactBytes;
    private final int jobLeaseSeconds;
    private final int maxDescriptionChars;
    private final String generator;

    EaConfig(final int maxProjects, final int maxVersions, final int maxDeployments, final int maxJobs, final int maxJobsPerAgent,
        final int maxLogLines, final int generationsPerHour, final int maxArtifactBytes, final int jobLeaseSeconds, final int maxDescriptionChars,
        final String generator)
    {
        this.maxProjects = maxProjects;
        this.maxVersions = maxVersions;
        this.maxDeployments = maxDeployments;
        this.maxJobs = maxJobs;
        this.maxJobsPerAgent = maxJobsPerAgent;
        this.maxLogLines = maxLogLines;
        this.generationsPerHour = generationsPerHour;
        this.maxArtifactBytes = maxArtifactBytes;
        this.jobLeaseSeconds = jobLeaseSeconds;
        this.maxDescriptionChars = maxDescriptionChars;
        this.generator = generator;
    }

    static EaConfig read(final YamlSection s)
    {
        final int maxProjects = s.intValue("max_projects", 4096, 1, 1_048_576);
        final int maxVersions = s.intValue("max_versions", 16_384, 1, 4_194_304);
        final int maxDeployments = s.intValue("max_deployments", 4096, 1, 1_048_576);
        final int maxJobs = s.intValue("max_jobs", 4096, 16, 1_048_576);
        final EaConfig config = new EaConfig(maxProjects, maxVersions, maxDeployments, maxJobs,
            s.intValue("max_jobs_per_agent", maxJobs / 16, 1, maxJobs),
            s.intValue("max_log_lines", 200, 10, 100_000),
            s.intValue("generations_per_hour", 20, 1, 100_000),
            s.intValue("max_artifact_bytes", 1_048_576, 1024, 64 * 1024 * 1024),
            s.intValue("job_lease_seconds", 600, 1, 86_400),
            s.intValue("max_description_chars", 4000, 100, 100_000),
            s.string("generator", "template"));
        s.finish();
        return config;
    }

    /** EA projects across all users. */
    public int maxProjects()
    {
        return maxProjects;
    }

    /** EA versions across all projects. */
    public int maxVersions()
    {
        return maxVersions;
    }

    public int maxDeployments()
    {
        return maxDeployments;
    }

    /** Agent jobs remembered (a finished job's slot is reused). */
    public int maxJobs()
    {
        return maxJobs;
    }

    /**
     * Unfinished (pending or running) jobs one agent may hold: an agent that never polls fills this many places of the
     * job table, not all of them.
     */
    public int maxJobsPerAgent()
    {
        return maxJobsPerAgent;
    }

    /** Log lines kept per deployment (the oldest go first). */
    public int maxLogLines()
    {
        return maxLogLines;
    }

    /** EA generations per user per rolling hour (seed 002: 20). */
    public int generationsPerHour()
    {
        return generationsPerHour;
    }

    /** The largest artifact stored (MQ5 generated, EX5 an agent sends). */
    public int maxArtifactBytes()
    {
        return maxArtifactBytes;
    }

    /** A job an agent took and did not answer within this is offered to it again. */
    public int jobLeaseSeconds()
    {
        return jobLeaseSeconds;
    }

    public int maxDescriptionChars()
    {
        return maxDescriptionChars;
    }

    /** The EA source generator by name: {@code template} (built in) or one plugged in (docs/mt5-jobs.md). */
    public String generator()
    {
        return generator;
    }
}
