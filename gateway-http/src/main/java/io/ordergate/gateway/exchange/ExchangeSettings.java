package io.ordergate.gateway.exchange;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the Binance dialect's accounts connect, and how patient reconciliation is. From the environment, so the same
 * jar points at the real exchange, its testnet or a simulator unchanged (docs/exchanges.md):
 * <pre>
 *   ORDERGATE_BINANCE_REST_URL            https://api.binance.com          accounts with testnet false
 *   ORDERGATE_BINANCE_STREAM_URL          wss://stream.binance.com:9443
 *   ORDERGATE_BINANCE_TESTNET_REST_URL    https://testnet.binance.vision   accounts with testnet true
 *   ORDERGATE_BINANCE_TESTNET_STREAM_URL  wss://stream.testnet.binance.vision
 *   ORDERGATE_EXCHANGE_TIMEOUT_MS         5000    no answer by then: the order is unknown and is asked for
 *   ORDERGATE_EXCHANGE_NOT_FOUND_GRACE_MS 15000   "does not exist" this soon after sending means "not yet known"
 * </pre>
 * The demo's account is pointed at its simulated exchange instead. Immutable: safe from any thread.
 */
public record ExchangeSettings(URI restUrl, URI streamUrl, URI testnetRestUrl, URI testnetStreamUrl, Duration timeout, long notFoundGraceMillis)
{
    public static ExchangeSettings fromEnvironment(final Map<String, String> env)
    {
        return new ExchangeSettings(
            URI.create(env.getOrDefault("ORDERGATE_BINANCE_REST_URL", "https://api.binance.com")),
            URI.create(env.getOrDefault("ORDERGATE_BINANCE_STREAM_URL", "wss://stream.binance.com:9443")),
            URI.create(env.getOrDefault("ORDERGATE_BINANCE_TESTNET_REST_URL", "https://testnet.binance.vision")),
            URI.create(env.getOrDefault("ORDERGATE_BINANCE_TESTNET_STREAM_URL", "wss://stream.testnet.binance.vision")),
            Duration.ofMillis(Long.parseLong(env.getOrDefault("ORDERGATE_EXCHANGE_TIMEOUT_MS", "5000"))),
            Long.parseLong(env.getOrDefault("ORDERGATE_EXCHANGE_NOT_FOUND_GRACE_MS", "15000")));
    }

    URI rest(final boolean testnet)
    {
        return testnet ? testnetRestUrl : restUrl;
    }

    URI stream(final boolean testnet)
    {
        return testnet ? testnetStreamUrl : streamUrl;
    }
}
