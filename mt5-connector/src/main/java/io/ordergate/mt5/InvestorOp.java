package io.ordergate.mt5;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One request of seed 004 that waits for the terminal: a connect, a connection test or a sync (which may take several
 * SYNC_HISTORY pages). Its outcome is what the waiting HTTP request is answered with. A reusable slot of
 * {@link InvestorOps}. <b>Not thread safe</b>: owned by the engine thread.
 */
final class InvestorOp
{
    static final int CONNECT = 1;
    static final int TEST = 2;
    static final int SYNC = 3;
    /** The most deal errors listed in a sync's answer (more are counted in total). */
    static final int MAX_ERRORS = 50;

    long id;
    int kind;
    int accountIndex;
    String accountId;
    int principal;
    boolean done;
    boolean success;
    String status;
    String message;
    int synced;
    int skipped;
    int errorCount;
    final String[] errors = new String[MAX_ERRORS];
    int pages;
    /** The earliest exit time of a deal this sync could not store (a full set), Long.MAX_VALUE for none: the link's
     *  next sync must ask from there, so the sync never moves past it. */
    long refusedFromMicros;
    /** The accountInfo object the terminal answered (connect, test), at most ResultParts.MAX_ACCOUNT_JSON bytes. */
    final UnsafeBuffer accountInfo = new UnsafeBuffer(new byte[ResultParts.MAX_ACCOUNT_JSON]);
    int accountInfoLength;
    /** The sealed credentials a sync's later pages send again; null for other operations. */
    long login;
    String server;
    String sealed;
    String sealContext;

    void reset(final long opId, final int opKind)
    {
        id = opId;
        kind = opKind;
        accountIndex = -1;
        accountId = null;
        principal = 0;
        done = false;
        success = false;
        status = null;
        message = null;
        synced = 0;
        skipped = 0;
        errorCount = 0;
        java.util.Arrays.fill(errors, null);
        pages = 0;
        refusedFromMicros = Long.MAX_VALUE;
        accountInfoLength = 0;
        login = 0;
        server = null;
        sealed = null;
        sealContext = null;
    }

    void error(final String text)
    {
        if (errorCount < MAX_ERRORS)
        {
            errors[errorCount] = text;
        }
        errorCount++;
    }

    void finish(final boolean ok, final String outcomeStatus, final String outcomeMessage)
    {
        done = true;
        success = ok;
        status = outcomeStatus;
        message = outcomeMessage;
        sealed = null;  // a finished operation keeps no credential
    }
}
