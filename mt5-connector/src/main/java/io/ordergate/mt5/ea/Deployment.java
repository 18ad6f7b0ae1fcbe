package io.ordergate.mt5.ea;

/**
 * One EA version deployed by an agent on an account and symbol, and its logs (the newest {@code ea.max_log_lines}).
 * Status {@code pending} → {@code deployed} → {@code running} ⇄ {@code stopped}, or {@code failed}: run and stop take
 * effect at once (seed 002 answers them so) while their jobs tell the agent. <b>Not thread safe</b>: engine thread.
 */
final class Deployment
{
    static final String PENDING = "pending";
    static final String DEPLOYED = "deployed";
    static final String RUNNING = "running";
    static final String STOPPED = "stopped";
    static final String FAILED = "failed";

    final int index;
    final int owner;
    final int version;
    final int agent;
    final int account;
    final String symbol;
    final long createdMicros;
    String status = PENDING;
    long startedMicros;
    long stoppedMicros;
    long updatedMicros;
    private final long[] logTimes;
    private final String[] logLevels;
    private final String[] logMessages;
    private long logCount;

    Deployment(final int index, final int owner, final int version, final int agent, final int account, final String symbol,
        final long createdMicros, final int maxLogLines)
    {
        this.index = index;
        this.owner = owner;
        this.version = version;
        this.agent = agent;
        this.account = account;
        this.symbol = symbol;
        this.createdMicros = createdMicros;
        this.updatedMicros = createdMicros;
        this.logTimes = new long[maxLogLines];
        this.logLevels = new String[maxLogLines];
        this.logMessages = new String[maxLogLines];
    }

    String id()
    {
        return EaState.DEPLOYMENT_PREFIX + (index + 1);
    }

    void log(final long micros, final String level, final String message)
    {
        final int slot = (int)(logCount++ % logTimes.length);
        logTimes[slot] = micros;
        logLevels[slot] = level;
        logMessages[slot] = message;
    }

    /** Lines kept, at most the capacity. */
    int logSize()
    {
        return (int)Math.min(logCount, logTimes.length);
    }

    /** The i-th kept line, oldest first. */
    int logSlot(final int i)
    {
        final long first = logCount - logSize();
        return (int)((first + i) % logTimes.length);
    }

    long logTime(final int slot)
    {
        return logTimes[slot];
    }

    String logLevel(final int slot)
    {
        return logLevels[slot];
    }

    String logMessage(final int slot)
    {
        return logMessages[slot];
    }

    long logCount()
    {
        return logCount;
    }
}
