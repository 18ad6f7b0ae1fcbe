package io.ordergate.mt5.ea;

/**
 * One job for an agent (seed 002): compile a version, deploy, run or stop a deployment. {@code pending} until the
 * agent takes it ({@code GET jobs/next}: {@code running}), then {@code completed} or {@code failed} by its result. A
 * running job not answered within {@code ea.job_lease_seconds} is offered again. A reusable slot of
 * {@link EaState}'s job table. <b>Not thread safe</b>: engine thread.
 */
final class AgentJob
{
    static final int COMPILE = 1;
    static final int DEPLOY = 2;
    static final int RUN = 3;
    static final int STOP = 4;

    static final int PENDING = 1;
    static final int RUNNING = 2;
    static final int COMPLETED = 3;
    static final int FAILED = 4;

    long seq;
    int agent = -1;
    int type;
    int version = -1;
    int deployment = -1;
    int status;
    long createdMicros;
    long takenMicros;
    long finishedMicros;
    int deliveries;

    void reset(final long newSeq, final int agentIndex, final int jobType, final long now)
    {
        seq = newSeq;
        agent = agentIndex;
        type = jobType;
        version = -1;
        deployment = -1;
        status = PENDING;
        createdMicros = now;
        takenMicros = 0;
        finishedMicros = 0;
        deliveries = 0;
    }

    boolean isOpen()
    {
        return status == PENDING || status == RUNNING;
    }

    String typeName()
    {
        switch (type)
        {
            case COMPILE: return "compile";
            case DEPLOY: return "deploy";
            case RUN: return "run";
            default: return "stop";
        }
    }

    String statusName()
    {
        switch (status)
        {
            case PENDING: return "pending";
            case RUNNING: return "running";
            case COMPLETED: return "completed";
            default: return "failed";
        }
    }
}
