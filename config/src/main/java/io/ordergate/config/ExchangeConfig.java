package io.ordergate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code exchanges} section: where each exchange venue's accounts connect ({@code exchanges.binance}: addresses,
 * timeout, recvWindow), and per-account overrides ({@code exchanges.accounts}: an account, configured or made through
 * the API, pointed somewhere else or given other limits). Every key is optional: the defaults are the exchange's own
 * addresses. Immutable: safe from any thread.
 *
 * <pre>
 * exchanges:
 *   binance: { rest_url: https://api.binance.com, futures_rest_url: https://fapi.binance.com,
 *              stream_url: wss://stream.binance.com:9443, testnet_rest_url: ..., testnet_futures_rest_url: ...,
 *              testnet_stream_url: ..., futures_stream_url: wss://fstream.binance.com, testnet_futures_stream_url: ...,
 *              timeout_millis: 5000, recv_window_millis: 5000, not_found_grace_millis: 15000 }
 *   accounts:
 *     - { account_id: bn-eu, rest_url: https://api1.binance.com, recv_window_millis: 10000 }
 * </pre>
 */
public final class ExchangeConfig
{
    private final ExchangeEndpointConfig binance;
    private final Map<String, ExchangeEndpointConfig> accounts;

    ExchangeConfig(final ExchangeEndpointConfig binance, final Map<String, ExchangeEndpointConfig> accounts)
    {
        this.binance = binance;
        this.accounts = Map.copyOf(accounts);
    }

    static ExchangeConfig read(final YamlSection s)
    {
        final YamlSection binanceSection = s.section(VenueKind.BINANCE.configName());
        final ExchangeEndpointConfig binance = ExchangeEndpointConfig.read(binanceSection, ExchangeEndpointConfig.BINANCE_DEFAULTS);
        binanceSection.finish();
        final Map<String, ExchangeEndpointConfig> accounts = new LinkedHashMap<>();
        final List<YamlSection> overrides = s.sections("accounts");
        for (int i = 0; i < overrides.size(); i++)
        {
            final YamlSection account = overrides.get(i);
            final String id = account.matching("account_id", null, AccountSpec.ACCOUNT_ID, "1 to 64 of A-Z a-z 0-9 . _ -");
            if (accounts.containsKey(id))
            {
                throw new ConfigException(account.pathOf("account_id"), "duplicate account id " + id);
            }
            accounts.put(id, ExchangeEndpointConfig.read(account, binance));
            account.finish();
        }
        s.finish();
        return new ExchangeConfig(binance, accounts);
    }

    /** Where the Binance-dialect venue's accounts connect by default. */
    public ExchangeEndpointConfig binance()
    {
        return binance;
    }

    /** Where one account connects: its override, else its venue's settings. */
    public ExchangeEndpointConfig forAccount(final String accountId)
    {
        return accounts.getOrDefault(accountId, binance);
    }

    @Override
    public String toString()
    {
        return "ExchangeConfig{binance=" + binance + ", accounts=" + accounts + '}';
    }
}
