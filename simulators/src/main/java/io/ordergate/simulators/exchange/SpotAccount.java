package io.ordergate.simulators.exchange;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API key's account on the simulated exchange: its secret, balances per asset (free and locked), its
 * user-data listen key and its USDⓈ-M futures settings. <b>Not thread safe</b>: guarded by the {@link SpotMarket}'s lock.
 */
final class SpotAccount
{
    /** Free and locked amounts of one asset. */
    static final class Balance
    {
        BigDecimal free = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
    }

    private final String apiKey;
    private final String apiSecret;
    /** Sorted by asset, so account answers list balances in a stable order. */
    final Map<String, Balance> balances = new TreeMap<>();
    String listenKey;
    /** The USDⓈ-M futures user-data stream's key, apart from the spot one. */
    String futuresListenKey;
    /** The USDⓈ-M futures wallet and positions (the futures API's own account). */
    final FuturesBook futures = new FuturesBook();
    long updateTime;
    final Map<String, Integer> leverage = new TreeMap<>();
    final Map<String, String> marginType = new TreeMap<>();
    boolean dualSidePosition;

    SpotAccount(final String apiKey, final String apiSecret)
    {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    String apiKey()
    {
        return apiKey;
    }

    String apiSecret()
    {
        return apiSecret;
    }

    Balance balance(final String asset)
    {
        return balances.computeIfAbsent(asset, a -> new Balance());
    }

    @Override
    public String toString()
    {
        return "SpotAccount{" + apiKey + "}";  // never the secret
    }
}
