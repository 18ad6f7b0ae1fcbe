package io.ordergate.cluster;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import io.ordergate.engine.command.CommandType;

/**
 * Which leadership term of the log has had its resume: the {@code RECOVER_ROUTED} and {@code EXCHANGE_RECOVER} a new
 * leader publishes (gateway's LeadershipResume). Each is applied once per term; another copy applied in the same term
 * is passed by, unapplied. A copy comes twice when the leader publishes it again after a 503 with an unknown outcome
 * (not committed within {@code cluster.commit_timeout_millis}) and the first is committed after all, or when a member
 * offers its copy again to the next leader; applied twice, the second made {@code unknown} the orders routed since the
 * first (not in doubt: their commands were sent in this term) and asked the exchange for every open order again.
 *
 * <p>Decided from the log alone, so every member and every replay passes by the same copies: the term is the one of
 * the last {@code NewLeadershipTermEvent} the log brought (the term a command was appended in), and both it and the
 * terms already resumed are kept in the snapshot ({@link EngineSnapshots}). A term not known (a member started from a
 * snapshot older than this, before the log's next term) passes nothing by, as before.
 *
 * <p><b>Not thread safe</b>: owned by the clustered service's thread ({@link EngineService}).
 */
final class ResumeTerms
{
    /** No term known yet (Aeron's terms count from 0). */
    static final long NO_TERM = -1;

    private long logTerm = NO_TERM;
    private long recoveredRoutedTerm = NO_TERM;
    private long recoveredExchangeTerm = NO_TERM;

    /** The log begins a leadership term: every command after this, up to the next, was appended in {@code term}. */
    void termBegins(final long term)
    {
        logTerm = term;
    }

    /**
     * Whether a command of {@code typeCode} (from its frame) is a resume this term has applied already: then it is
     * passed by. A first copy in its term is recorded here, so the caller applies it.
     */
    boolean resumedAlready(final int typeCode)
    {
        if (logTerm == NO_TERM)
        {
            return false;
        }
        if (typeCode == CommandType.RECOVER_ROUTED.code())
        {
            final boolean already = recoveredRoutedTerm == logTerm;
            recoveredRoutedTerm = logTerm;
            return already;
        }
        if (typeCode == CommandType.EXCHANGE_RECOVER.code())
        {
            final boolean already = recoveredExchangeTerm == logTerm;
            recoveredExchangeTerm = logTerm;
            return already;
        }
        return false;
    }

    void write(final DataOutput out) throws IOException
    {
        out.writeLong(logTerm);
        out.writeLong(recoveredRoutedTerm);
        out.writeLong(recoveredExchangeTerm);
    }

    void read(final DataInput in) throws IOException
    {
        logTerm = in.readLong();
        recoveredRoutedTerm = in.readLong();
        recoveredExchangeTerm = in.readLong();
    }
}
