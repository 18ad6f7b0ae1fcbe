package io.ordergate.config;

/**
 * Demo mode: the simulated quote feed, the simulated MT5 terminal and the simulated exchange. Immutable: safe from any
 * thread.
 *
 * <p>The simulated terminal serves {@link #mt5AccountId()} only if the configuration has an mt5 account by that
 * id, the simulated exchange serves {@link #exchangeAccountId()} only if it has a binance account by that id, and the
 * simulated OKX serves {@link #okxAccountId()} only if it has an okx account by that id; none is cross-checked here, so minimal test configurations stay valid.
 */
public final class DemoConfig
{
    public static final String MT5_ACCOUNT_ID_DEFAULT = "mt5-demo";
    public static final String EXCHANGE_ACCOUNT_ID_DEFAULT = "binance-demo";
    public static final String OKX_ACCOUNT_ID_DEFAULT = "okx-demo";

    private final boolean quoteFeed;
    private final int quoteIntervalMillis;
    private final boolean simulatedTerminal;
    private final String mt5AccountId;
    private final boolean simulatedExchange;
    private final String exchangeAccountId;
    private final java.net.URI simulatedExchangeUrl;
    private final String okxAccountId;

    DemoConfig(final boolean quoteFeed, final int quoteIntervalMillis, final boolean simulatedTerminal,
        final String mt5AccountId, final boolean simulatedExchange, final String exchangeAccountId, final java.net.URI simulatedExchangeUrl,
        final String okxAccountId)
    {
        this.okxAccountId = okxAccountId;
        this.quoteFeed = quoteFeed;
        this.quoteIntervalMillis = quoteIntervalMillis;
        this.simulatedTerminal = simulatedTerminal;
        this.mt5AccountId = mt5AccountId;
        this.simulatedExchange = simulatedExchange;
        this.exchangeAccountId = exchangeAccountId;
        this.simulatedExchangeUrl = simulatedExchangeUrl;
    }

    static DemoConfig read(final YamlSection s)
    {
        final String externalText = s.string("simulated_exchange_url", null);
        final java.net.URI external;
        try
        {
            external = externalText == null || externalText.isBlank() ? null : new java.net.URI(externalText);
            if (external != null && (!"http".equals(external.getScheme()) || external.getHost() == null))
            {
                throw new java.net.URISyntaxException(externalText, "not http");
            }
        }
        catch (final java.net.URISyntaxException ex)
        {
            throw new ConfigException(s.pathOf("simulated_exchange_url"), "must be an http:// address with a host, was \"" + externalText + "\"");
        }
        final DemoConfig config = new DemoConfig(
            s.bool("quote_feed", true),
            s.intValue("quote_interval_millis", 250, 1, 3_600_000),
            s.bool("simulated_terminal", true),
            s.matching("mt5_account_id", MT5_ACCOUNT_ID_DEFAULT, AccountSpec.ACCOUNT_ID,
                "1 to 64 of A-Z a-z 0-9 . _ -"),
            s.bool("simulated_exchange", true),
            s.matching("exchange_account_id", EXCHANGE_ACCOUNT_ID_DEFAULT, AccountSpec.ACCOUNT_ID, "1 to 64 of A-Z a-z 0-9 . _ -"),
            external,
            s.matching("okx_account_id", OKX_ACCOUNT_ID_DEFAULT, AccountSpec.ACCOUNT_ID, "1 to 64 of A-Z a-z 0-9 . _ -"));
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

    /**
     * Whether the demo's exchange account ({@link #exchangeAccountId}, a binance account of the configuration) trades on
     * a simulated exchange: one started in this process, or the one at {@link #simulatedExchangeUrl}.
     */
    public boolean simulatedExchange()
    {
        return simulatedExchange;
    }

    /** The binance account the simulated exchange serves. */
    public String exchangeAccountId()
    {
        return exchangeAccountId;
    }

    /** A simulated exchange already running elsewhere (its REST address) to use instead of starting one, or null. */
    public java.net.URI simulatedExchangeUrl()
    {
        return simulatedExchangeUrl;
    }

    /** The okx account a simulated OKX in this process serves (with {@link #simulatedExchange}), if the configuration has one by that id. */
    public String okxAccountId()
    {
        return okxAccountId;
    }

    DemoConfig withQuoteFeed(final boolean on)
    {
        return new DemoConfig(on, quoteIntervalMillis, simulatedTerminal, mt5AccountId, simulatedExchange, exchangeAccountId, simulatedExchangeUrl,
            okxAccountId);
    }

    @Override
    public String toString()
    {
        return "DemoConfig{quoteFeed=" + quoteFeed + ", quoteIntervalMillis=" + quoteIntervalMillis +
            ", simulatedTerminal=" + simulatedTerminal + ", mt5AccountId=" + mt5AccountId + ", simulatedExchange=" + simulatedExchange +
            ", exchangeAccountId=" + exchangeAccountId + ", simulatedExchangeUrl=" + simulatedExchangeUrl + ", okxAccountId=" + okxAccountId + '}';
    }
}
