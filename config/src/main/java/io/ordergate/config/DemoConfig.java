package io.ordergate.config;

/**
 * Demo mode: the simulated quote feed and the simulated MT5 terminal. Immutable: safe from any thread.
 *
 * <p>The simulated terminal serves {@link #mt5AccountId()} only if the configuration has an mt5 account by that
 * id; this is not cross-checked here, so minimal test configurations stay valid.
 */
public final class DemoConfig
{
    public static final String MT5_ACCOUNT_ID_DEFAULT = "mt5-demo";

    private final boolean quoteFeed;
    private final int quoteIntervalMillis;
    private final boolean simulatedTerminal;
    private final String mt5AccountId;

    DemoConfig(final boolean quoteFeed, final int quoteIntervalMillis, final boolean simulatedTerminal,
        final String mt5AccountId)
    {
        this.quoteFeed = quoteFeed;
        this.quoteIntervalMillis = quoteIntervalMillis;
        this.simulatedTerminal = simulatedTerminal;
        this.mt5AccountId = mt5AccountId;
    }

    static DemoConfig read(final YamlSection s)
    {
        final DemoConfig config = new DemoConfig(
            s.bool("quote_feed", true),
            s.intValue("quote_interval_millis", 250, 1, 3_600_000),
            s.bool("simulated_terminal", true),
            s.matching("mt5_account_id", MT5_ACCOUNT_ID_DEFAULT, AccountSpec.ACCOUNT_ID,
                "1 to 64 of A-Z a-z 0-9 . _ -"));
        s.finish();
        return config;
    }

    /** Whether the simulated quote feed runs (over instruments with a demo bid/ask). */
    public boolean quoteFeed()
    {
        return quoteFeed;
    }

    public int quoteIntervalMillis()
    {
        return quoteIntervalMillis;
    }

    /** Whether a simulated MT5 terminal connects over the real executor protocol. */
    public boolean simulatedTerminal()
    {
        return simulatedTerminal;
    }

    /** The mt5 account the simulated terminal serves. */
    public String mt5AccountId()
    {
        return mt5AccountId;
    }

    DemoConfig withQuoteFeed(final boolean on)
    {
        return new DemoConfig(on, quoteIntervalMillis, simulatedTerminal, mt5AccountId);
    }

    @Override
    public String toString()
    {
        return "DemoConfig{quoteFeed=" + quoteFeed + ", quoteIntervalMillis=" + quoteIntervalMillis +
            ", simulatedTerminal=" + simulatedTerminal + ", mt5AccountId=" + mt5AccountId + '}';
    }
}
