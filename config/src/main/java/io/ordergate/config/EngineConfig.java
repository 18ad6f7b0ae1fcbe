package io.ordergate.config;

/**
 * Capacities of the engine's preallocated tables. The engine allocates them once at start-up and refuses work
 * beyond them instead of growing. Immutable: safe from any thread.
 */
public final class EngineConfig
{
    /** Upper bound for every capacity: keeps a typo from reserving gigabytes at start-up. */
    public static final int CAPACITY_MAX = 4_194_304;
    /** Candles kept per instrument and timeframe: API.md's largest {@code count}. */
    public static final int CANDLES_PER_TIMEFRAME_DEFAULT = 1000;
    /** 48 bytes a candle, times 7 timeframes, per instrument: 100,000 is 34 MB per instrument. */
    public static final int CANDLES_PER_TIMEFRAME_MAX = 100_000;

    /** Decimals of a fee rate (the engine's wire digits): 0.00075 is 75000. */
    public static final int FEE_RATE_DIGITS = 8;
    /** 0.1 at {@link #FEE_RATE_DIGITS}: a fee rate near it is a typo. */
    public static final long FEE_RATE_LIMIT = 10_000_000L;

    private final int maxAccounts;
    private final int maxOrders;
    private final int maxTrades;
    private final int maxKeys;
    private final int maxTickets;
    private final int maxGroups;
    private final int maxBots;
    private final int maxExecutorCommands;
    private final int maxUsers;
    private final int maxHedgePositions;
    private final int candlesPerTimeframe;
    private final int maxExperts;
    private final int expertLogEntries;
    private final long paperFeeRate;
    private final int maxKeysPerUser;
    private final int maxKeysMadePerUser;
    private final int maxBrokerConnectionsPerUser;

    EngineConfig(
        final int maxAccounts, final int maxOrders, final int maxTrades, final int maxKeys, final int maxTickets,
        final int maxGroups, final int maxBots, final int maxExecutorCommands, final int maxUsers, final int maxHedgePositions,
        final int candlesPerTimeframe, final int maxExperts, final int expertLogEntries, final long paperFeeRate,
        final int maxKeysPerUser, final int maxKeysMadePerUser, final int maxBrokerConnectionsPerUser)
    {
        this.maxKeysPerUser = maxKeysPerUser;
        this.maxKeysMadePerUser = maxKeysMadePerUser;
        this.maxBrokerConnectionsPerUser = maxBrokerConnectionsPerUser;
        this.candlesPerTimeframe = candlesPerTimeframe;
        this.maxExperts = maxExperts;
        this.expertLogEntries = expertLogEntries;
        this.paperFeeRate = paperFeeRate;
        this.maxUsers = maxUsers;
        this.maxHedgePositions = maxHedgePositions;
        this.maxAccounts = maxAccounts;
        this.maxOrders = maxOrders;
        this.maxTrades = maxTrades;
        this.maxKeys = maxKeys;
        this.maxTickets = maxTickets;
        this.maxGroups = maxGroups;
        this.maxBots = maxBots;
        this.maxExecutorCommands = maxExecutorCommands;
    }

    static EngineConfig read(final YamlSection s)
    {
        final int maxOrders = s.intValue("max_orders", 65536, 1, CAPACITY_MAX);
        if (Integer.bitCount(maxOrders) != 1)
        {
            throw new ConfigException(s.pathOf("max_orders"), "must be a power of two, was " + maxOrders);
        }
        final EngineConfig config = new EngineConfig(
            s.intValue("max_accounts", 256, 1, CAPACITY_MAX),
            maxOrders,
            s.intValue("max_trades", 65536, 1, CAPACITY_MAX),
            s.intValue("max_keys", 1024, 1, CAPACITY_MAX),
            s.intValue("max_tickets", 65536, 1, CAPACITY_MAX),
            s.intValue("max_groups", 256, 1, CAPACITY_MAX),
            s.intValue("max_bots", 256, 1, CAPACITY_MAX),
            s.intValue("max_executor_commands", 65536, 1, CAPACITY_MAX),
            s.intValue("max_users", 4096, 1, CAPACITY_MAX),
            s.intValue("max_hedge_positions", 4096, 1, CAPACITY_MAX),
            s.intValue("candles_per_timeframe", CANDLES_PER_TIMEFRAME_DEFAULT, 0, CANDLES_PER_TIMEFRAME_MAX),
            s.intValue("max_experts", 1024, 1, CAPACITY_MAX),
            s.intValue("expert_log_entries", 256, 1, 65_536),
            paperFeeRate(s),
            s.intValue("max_keys_per_user", 20, 1, CAPACITY_MAX),
            s.intValue("max_keys_made_per_user", 200, 1, CAPACITY_MAX),
            s.intValue("max_broker_connections_per_user", 5, 1, CAPACITY_MAX));
        s.finish();
        return config;
    }

    /** {@code paper_fee_rate}: a fraction of a fill's notional, at 8 decimals (0.001 is 100000); default 0. */
    private static long paperFeeRate(final YamlSection s)
    {
        if (!s.has("paper_fee_rate"))
        {
            return 0;
        }
        final long rate = s.decimal("paper_fee_rate", FEE_RATE_DIGITS, FEE_RATE_DIGITS + " decimal places");
        if (rate < 0 || rate >= FEE_RATE_LIMIT)
        {
            throw new ConfigException(s.pathOf("paper_fee_rate"), "must be at least 0 and less than 0.1, was " + io.ordergate.fixed.FixedPoint.toString(rate, FEE_RATE_DIGITS));
        }
        return rate;
    }

    public int maxAccounts()
    {
        return maxAccounts;
    }

    /** Capacity of the live order table; a power of two. */
    public int maxOrders()
    {
        return maxOrders;
    }

    /** Fills retained for queries. */
    public int maxTrades()
    {
        return maxTrades;
    }

    /** API keys. */
    public int maxKeys()
    {
        return maxKeys;
    }

    /** MT5 positions (tickets) tracked. */
    public int maxTickets()
    {
        return maxTickets;
    }

    public int maxGroups()
    {
        return maxGroups;
    }

    public int maxBots()
    {
        return maxBots;
    }

    /** People who sign in (issue 10); each also takes a principal beside the keys. */
    public int maxUsers()
    {
        return maxUsers;
    }

    /** Open positions of hedging accounts (each fill its own), across every such account. */
    public int maxHedgePositions()
    {
        return maxHedgePositions;
    }

    /**
     * Candles kept per instrument and timeframe (the newest; older ones are overwritten), preallocated at start-up;
     * 0 builds no candles.
     */
    public int candlesPerTimeframe()
    {
        return candlesPerTimeframe;
    }

    /** Experts (seed 001) the engine holds. */
    public int maxExperts()
    {
        return maxExperts;
    }

    /** Log entries each expert keeps ({@code GET /experts/{id}/logs}); older ones are overwritten. */
    public int expertLogEntries()
    {
        return expertLogEntries;
    }

    /**
     * The fee rate a new paper account gets when its creation names none: a fraction of each fill's notional at
     * {@link #FEE_RATE_DIGITS}. Journaled with the account, so a change applies to accounts made after it.
     */
    public long paperFeeRate()
    {
        return paperFeeRate;
    }

    /** API keys one signed-in user (not an admin) may hold that still work: a revoked key no longer counts. */
    public int maxKeysPerUser()
    {
        return maxKeysPerUser;
    }

    /**
     * API keys one signed-in user (not an admin) could make in all, revoked ones too, while a revoked key kept its row of
     * the principal table. Only keys journaled then are judged by it (on replay): a revoked key now frees its row (its
     * principal number is never given again), so keys made now are bounded by {@link #maxKeysPerUser()} alone.
     */
    public int maxKeysMadePerUser()
    {
        return maxKeysMadePerUser;
    }

    /**
     * Broker accounts one user may connect ({@code PUT /api/v1/onboarding/brokers}), deleted ones too: each takes a
     * slot of the account table ({@code max_accounts}), which a removed account keeps.
     */
    public int maxBrokerConnectionsPerUser()
    {
        return maxBrokerConnectionsPerUser;
    }

    /** Executor commands queued or awaiting a result. */
    public int maxExecutorCommands()
    {
        return maxExecutorCommands;
    }

    @Override
    public String toString()
    {
        return "EngineConfig{maxAccounts=" + maxAccounts + ", maxOrders=" + maxOrders + ", maxTrades=" + maxTrades +
            ", maxKeys=" + maxKeys + ", maxTickets=" + maxTickets + ", maxGroups=" + maxGroups +
            ", maxBots=" + maxBots + ", maxExecutorCommands=" + maxExecutorCommands + ", maxUsers=" + maxUsers +
            ", maxHedgePositions=" + maxHedgePositions + ", candlesPerTimeframe=" + candlesPerTimeframe + ", maxExperts=" + maxExperts +
            ", expertLogEntries=" + expertLogEntries + ", paperFeeRate=" + paperFeeRate +
            ", maxKeysPerUser=" + maxKeysPerUser + ", maxKeysMadePerUser=" + maxKeysMadePerUser +
            ", maxBrokerConnectionsPerUser=" + maxBrokerConnectionsPerUser + '}';
    }
}
