package io.ordergate.mt5;

/**
 * One account's MT5 connection by investor password (seed 004): the login and server, the password sealed under the
 * master key (never the plain one), the executor that does the terminal work, the status and the last sync. Kept per
 * account index. <b>Not thread safe</b>: owned by the engine thread.
 */
final class InvestorLink
{
    static final int DISCONNECTED = 0;
    static final int CONNECTED = 1;
    static final int ERROR = 2;

    final int accountIndex;
    /** False until the first connect: the account has no MT5 connection to show. */
    boolean exists;
    int executorIndex = -1;
    long login;
    String server;
    /** The investor password as {@code SecretBox} sealed it; null once disconnected or refused. */
    String sealed;
    /** What the password was sealed with (the gateway's context), so it opens again for every sync. */
    String sealContext;
    int status = DISCONNECTED;
    String errorMessage;
    long connectedAtMicros;
    /** When the last sync finished (the command's time), 0 for never. */
    long lastSyncMicros;
    /** The latest exit time of a deal this account stored or skipped, never past one a full set refused: the next sync
     *  asks from there. 0 for none. */
    long syncedUntilMicros;
    /** The operation in flight on this link (a connect or a sync), or 0. */
    long pendingOp;

    InvestorLink(final int accountIndex)
    {
        this.accountIndex = accountIndex;
    }

    static String statusName(final int status)
    {
        return status == CONNECTED ? "CONNECTED" : status == ERROR ? "ERROR" : "DISCONNECTED";
    }
}
