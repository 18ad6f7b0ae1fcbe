package io.ordergate.mt5.ea;

/**
 * One version of an EA: its generated MQL5 source (an MQ5 artifact), and once an agent compiled it, its EX5.
 * Status {@code draft} → {@code compiling} → {@code compiled} or {@code failed}. <b>Not thread safe</b>: engine thread.
 */
final class EaVersion
{
    static final String DRAFT = "draft";
    static final String COMPILING = "compiling";
    static final String COMPILED = "compiled";
    static final String FAILED = "failed";

    final int index;
    final int project;
    final int number;
    final long createdMicros;
    final String generator;
    final String summary;
    String status = DRAFT;
    int source = -1;
    int compiled = -1;
    /** The last compile's log, as the agent sent it (bounded by the gateway). */
    String buildLog;
    long updatedMicros;

    EaVersion(final int index, final int project, final int number, final long createdMicros, final String generator, final String summary)
    {
        this.index = index;
        this.project = project;
        this.number = number;
        this.createdMicros = createdMicros;
        this.generator = generator;
        this.summary = summary;
        this.updatedMicros = createdMicros;
    }

    String id()
    {
        return EaState.VERSION_PREFIX + (index + 1);
    }
}
