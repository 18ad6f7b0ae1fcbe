package io.ordergate.mt5.ea;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;

/**
 * Encoders of seed 002's command bodies, each beside its layout; the room reads them back in the same order. Secrets
 * travel as hashes only (an agent's pairing key as its SHA-256); artifacts as their SHA-256 and size (the bytes are
 * files in the data directory). Stateless: safe from any thread.
 */
public final class EaBodies
{
    public static final int RESULT_COMPLETED = 1;
    /**
     * AGENT_JOB_RESULT's {@code resultId} when the version took the result's EX5: any other answer (a refusal, a
     * failed or late compile, a deploy job) leaves the stored file unreferenced, and the gateway removes it.
     */
    public static final long RESULT_ARTIFACT_TAKEN = 1;
    public static final int RESULT_FAILED = 2;

    private EaBodies()
    {
    }

    /** PAIR_AGENT: agent id | name | SHA-256 of the pairing key (bytes). */
    public static void pairAgent(final BodyWriter writer, final CharSequence agentId, final CharSequence name, final byte[] keyHash)
    {
        writer.putString(agentId).putString(name).putBytes(keyHash, 0, keyHash.length);
    }

    /** CREATE_EA_PROJECT: name | strategy id (empty for none). */
    public static void createProject(final BodyWriter writer, final CharSequence name, final CharSequence strategyId)
    {
        writer.putString(name).putString(strategyId);
    }

    /** EA_GENERATE: project id | MQ5 SHA-256 (bytes) | size | file name | generator | what it understood (text). */
    public static void generate(
        final BodyWriter writer, final CharSequence projectId, final byte[] sha256, final long size, final CharSequence fileName,
        final CharSequence generator, final CharSequence summary)
    {
        writer.putString(projectId).putBytes(sha256, 0, sha256.length).putLong(size).putString(fileName).putString(generator).putString(summary);
    }

    /** EA_COMPILE: version id | agent id (empty: the caller's agent seen last). */
    public static void compile(final BodyWriter writer, final CharSequence versionId, final CharSequence agentId)
    {
        writer.putString(versionId).putString(agentId);
    }

    /** CREATE_DEPLOYMENT: version id | agent id | account id (broker connection; empty for none) | symbol. */
    public static void deploy(
        final BodyWriter writer, final CharSequence versionId, final CharSequence agentId, final CharSequence accountId, final CharSequence symbol)
    {
        writer.putString(versionId).putString(agentId).putString(accountId).putString(symbol);
    }

    /** DEPLOYMENT_RUN, DEPLOYMENT_STOP, GET_DEPLOYMENT, EA_ARTIFACTS (and AGENT_NEXT_JOB as journaled before its rules byte): one id. */
    public static void id(final BodyWriter writer, final CharSequence id)
    {
        writer.putString(id);
    }

    /**
     * AGENT_JOB_RESULT: agent id | job id | status (byte, RESULT_*) | logs | artifact (byte 1 when one follows) | its
     * SHA-256 (bytes, empty for an external one) | size | file name | external URL | the agent's result object (bytes,
     * at most 4 KiB, else empty) | the rules it is judged by (byte, always {@link #JOB_RESULT_RULES_NEWEST_COMPILE} now;
     * see {@link #jobResultRules}).
     */
    public static void jobResult(
        final BodyWriter writer, final CharSequence agentId, final CharSequence jobId, final int status, final CharSequence logs,
        final boolean artifact, final byte[] sha256, final long size, final CharSequence fileName, final CharSequence externalUrl,
        final byte[] result)
    {
        writer.putString(agentId).putString(jobId).putByte(status).putString(logs).putBoolean(artifact)
            .putBytes(sha256, 0, sha256.length).putLong(size).putString(fileName).putString(externalUrl).putBytes(result, 0, result.length)
            .putByte(JOB_RESULT_RULES_NEWEST_COMPILE);
    }

    /** The SHA-256 of an AGENT_JOB_RESULT body's EX5 (empty for none, or an agent's URL), read from the body's start. */
    public static byte[] jobResultSha256(final BodyReader reader, final AsciiView scratch)
    {
        reader.readString(scratch);  // agent id
        reader.readString(scratch);  // job id
        reader.readByte();           // status
        reader.readString(scratch);  // logs
        reader.readBoolean();        // an artifact follows
        final AsciiView sha = reader.readString(scratch);
        final byte[] bytes = new byte[sha.length()];
        sha.copyTo(bytes);
        return bytes;
    }

    /** AGENT_JOB_RESULT journaled with no rules byte: a compile's result set its version, whichever compile came last. */
    public static final int JOB_RESULT_RULES_LAST_ANSWERED = 0;
    /** Now: a compile's result leaves its version alone once a newer compile of it was answered (it settles its job only). */
    public static final int JOB_RESULT_RULES_NEWEST_COMPILE = 1;

    /**
     * The rules an AGENT_JOB_RESULT body read up to its result object is judged by: a result is replayed by the rules it
     * was decided by (decided otherwise, an old journal's version would end compiled where it ended failed, or on another EX5).
     */
    public static int jobResultRules(final BodyReader reader, final int frameLength)
    {
        return rules(reader, frameLength, JOB_RESULT_RULES_LAST_ANSWERED);
    }

    /** AGENT_NEXT_JOB: agent id | the rules it is judged by (byte, always {@link #NEXT_JOB_RULES_DEPLOYMENT_ORDER} now). */
    public static void nextJob(final BodyWriter writer, final CharSequence agentId)
    {
        writer.putString(agentId).putByte(NEXT_JOB_RULES_DEPLOYMENT_ORDER);
    }

    /** AGENT_NEXT_JOB journaled with no rules byte: the agent's oldest pending job, whatever its deployment's older jobs. */
    public static final int NEXT_JOB_RULES_OLDEST = 0;
    /** Now: as {@link #NEXT_JOB_RULES_OLDEST}, passing over a job whose deployment has an older job unanswered. */
    public static final int NEXT_JOB_RULES_DEPLOYMENT_ORDER = 1;

    /** The rules an AGENT_NEXT_JOB body read up to its agent id is judged by, as it was decided (see {@link #jobResultRules}). */
    public static int nextJobRules(final BodyReader reader, final int frameLength)
    {
        return rules(reader, frameLength, NEXT_JOB_RULES_OLDEST);
    }

    private static int rules(final BodyReader reader, final int frameLength, final int before)
    {
        return reader.position() < frameLength ? reader.readByte() : before;
    }

    /** LIST_EA_PROJECTS, LIST_DEPLOYMENTS, LIST_AGENTS: page | page size. Also after an id (versions, logs). */
    public static void page(final BodyWriter writer, final int page, final int pageSize)
    {
        writer.putInt(page).putInt(pageSize);
    }

    /** GET_ARTIFACT: artifact id | the asking agent's id (empty for a user or key). */
    public static void artifact(final BodyWriter writer, final CharSequence artifactId, final CharSequence agentId)
    {
        writer.putString(artifactId).putString(agentId);
    }
}
