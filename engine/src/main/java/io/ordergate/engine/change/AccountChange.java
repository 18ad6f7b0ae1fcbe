package io.ordergate.engine.change;

/**
 * An account as a command left it, with its equity and margin valued at that moment: every field of API.md's
 * account object. <b>Not thread safe</b>: written by the engine stage, read by the stages after it (see
 * {@link ChangeSet}).
 */
public final class AccountChange
{
    public String accountId;
    public String venue;
    public String status;
    public String currency;
    public int leverage;
    public long balance;
    public long equity;
    public long marginUsed;
    public long realizedPnl;
    public long unrealizedPnl;
    public String positionMode;
    /** The paper venue's fee rate, a fraction at wire digits. */
    public long feeRate;
    public int openPositions;
    public int openOrders;
    public long maxOrderQuantity;
    public long maxPositionQuantity;
    public long maxOpenOrders;
    public long maxOrdersPerSecond;
    public long maxNotional;
    public long priceCollarPct;
    public long maxDailyLoss;
    public long createdAtMicros;
    /**
     * False when equity, margin and unrealized PnL were not worked out (nobody streams accounts: see {@code
     * Changes.valueAccounts}); they then read as with no open position.
     */
    public boolean valued;
    /** The command's time. */
    public long timeMicros;
}
