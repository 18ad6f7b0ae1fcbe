package io.ordergate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code exchanges} section: where each exchange venue's accounts connect ({@code exchanges.binance} and
 * {@code exchanges.okx}: addresses, timeout, recvWindow), and per-account overrides ({@code exchanges.accounts}: an account, configured or made through
 * the API, pointed somewhere else or given other limits). Every key is optional: the defaults are the exchange's own
 * addresses. Immutable: safe from any thread.
 *
 * <pre>
 * exchanges:
 *   binance: { rest_url: https://api.binance.com, futures_rest_url: https://fapi.binance.com,
 *              stream_url: wss://stream.binance.com:9443, testnet_rest_url: ..., testnet_futures_rest_url: ...,
 *              testnet_stream_url: ..., futures_stream_url: wss://fstream.binance.com, testnet_futures_stream_url: ...,
 *              timeout_millis: 5000, recv_window_millis: 5000, not_found_grace_millis: 15000 }
 *   okx:     { rest_url: https://www.okx.com, stream_url: wss://ws.okx.com:8443, testnet_stream_url: wss://wspap.okx.com:8443, ... }
 *   accounts:
 *     - { account_id: bn-eu, rest_url: https://api1.binance.com, recv_window_millis: 10000 }
 * </pre>
 * An override's unset keys come from its account's venue section.
 */
public final class ExchangeConfig
{
    private final ExchangeEndpointConfig binance;
    private final ExchangeEndpointConfig okx;
    /** Each override read over the binance section, and (for an okx account) over the okx section. */
    private final Map<String, ExchangeEndpointConfig> accounts;
    private final Map<String, ExchangeEndpointConfig> okxAccounts;

    ExchangeConfig(final ExchangeEndpointConfig binance, final ExchangeEndpointConfig okx, final Map<String, ExchangeEndpointConfig> accounts,
        final Map<String, ExchangeEndpointConfig> okxAccounts)
    {
        this.binance = binance;
        this.okx = okx;
        this.accounts = Map.copyOf(accounts);
        this.okxAccounts = Map.copyOf(okxAccounts);
    }

    static ExchangeConfig read(final YamlSection s)
    {
        final YamlSection binanceSection = s.section(VenueKind.BINANCE.configName());
        final ExchangeEndpointConfig binance = ExchangeEndpointConfig.read(binanceSection, ExchangeEndpointConfig.BINANCE_DEFAULTS);
        binanceSection.finish();
        final YamlSection okxSection = s.section(VenueKind.OKX.configName());
        final ExchangeEndpointConfig okx = ExchangeEndpointConfig.read(okxSection, ExchangeEndpointConfig.OKX_DEFAULTS);
        okxSection.finish();
        final Map<String, ExchangeEndpointConfig> accounts = new LinkedHashMap<>();
        final Map<String, ExchangeEndpointConfig> okxAccounts = new LinkedHashMap<>();
        final List<YamlSection> overrides = s.sections("accounts");
        for (int i = 0; i < overrides.size(); i++)
        {
            final YamlSection account = overrides.get(i);
            final String id = account.matching("account_id", null, AccountSpec.ACCOUNT_ID, "1 to 64 of A-Z a-z 0-9 . _ -");
            if (accounts.containsKey(id))
            {
                throw new ConfigException(account.pathOf("account_id"), "duplicate account id " + id);
            }
            // the account's venue is not known here (an account made through the API later): both readings are kept
            accounts.put(id, ExchangeEndpointConfig.read(account, binance));
            okxAccounts.put(id, ExchangeEndpointConfig.read(account, okx));
            account.finish();
        }
        s.finish();
        return new ExchangeConfig(binance, okx, accounts, okxAccounts);
    }

    /** Where the Binance-dialect venue's accounts connect by default. */
    public ExchangeEndpointConfig binance()
    {
        return binance;
    }

    /** Where the OKX-dialect venue's accounts connect by default. */
    public ExchangeEndpointConfig okx()
    {
        return okx;
    }

    /** Where one binance account connects: its override, else the binance section. */
    public ExchangeEndpointConfig forAccount(final String accountId)
    {
        return forAccount(accountId, VenueKind.BINANCE);
    }

    /** Where one account of an exchange venue connects: its override (unset keys from the venue's section), else the venue's section. */
    public ExchangeEndpointConfig forAccount(final String accountId, final VenueKind venue)
    {
        return venue == VenueKind.OKX ? okxAccounts.getOrDefault(accountId, okx) : accounts.getOrDefault(accountId, binance);
    }

    @Override
    public String toString()
    {
        return "ExchangeConfig{binance=" + binance + ", okx=" + okx + ", accounts=" + accounts + '}';
    }
}
