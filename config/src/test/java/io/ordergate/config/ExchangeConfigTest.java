package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The {@code exchanges} section: Binance's addresses by default, a venue's own, per-account overrides, and refusals. */
class ExchangeConfigTest
{
    private static final String INSTRUMENTS = String.join("\n",
        "instruments:",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
        "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "");

    @Test
    void shouldPointAtBinanceItselfByDefault()
    {
        final ExchangeEndpointConfig binance = ConfigLoader.parse(INSTRUMENTS, "t").exchanges().forAccount("any");
        assertEquals(URI.create("https://api.binance.com"), binance.restUrl(false));
        assertEquals(URI.create("https://fapi.binance.com"), binance.futuresRestUrl(false));
        assertEquals(URI.create("wss://stream.binance.com:9443"), binance.streamUrl(false));
        assertEquals(URI.create("https://testnet.binance.vision"), binance.restUrl(true));
        assertEquals(URI.create("https://testnet.binancefuture.com"), binance.futuresRestUrl(true));
        assertEquals(URI.create("wss://stream.testnet.binance.vision"), binance.streamUrl(true));
        assertEquals(5_000, binance.timeoutMillis());
        assertEquals(5_000, binance.recvWindowMillis());
        assertEquals(15_000, binance.notFoundGraceMillis());
        assertEquals(60_000, binance.streamIdleMillis());
    }

    @Test
    void shouldTakeTheVenuesSettingsAndAnAccountsOverridesOverThem()
    {
        final ExchangeConfig exchanges = ConfigLoader.parse(INSTRUMENTS + String.join("\n",
            "exchanges:",
            "  binance: { rest_url: \"http://127.0.0.1:9001\", stream_url: \"ws://127.0.0.1:9001\", timeout_millis: 2000 }",
            "  accounts:",
            "    - { account_id: bn-eu, rest_url: \"https://api1.binance.com\", recv_window_millis: 10000, stream_idle_millis: 90000 }",
            ""), "t").exchanges();
        assertEquals(URI.create("http://127.0.0.1:9001"), exchanges.forAccount("bn-1").restUrl(false));
        assertEquals(60_000, exchanges.forAccount("bn-1").streamIdleMillis());
        assertEquals(90_000, exchanges.forAccount("bn-eu").streamIdleMillis());
        assertEquals(2_000, exchanges.forAccount("bn-1").timeoutMillis());
        assertEquals(5_000, exchanges.forAccount("bn-1").recvWindowMillis());
        final ExchangeEndpointConfig eu = exchanges.forAccount("bn-eu");
        assertEquals(URI.create("https://api1.binance.com"), eu.restUrl(false));
        assertEquals(URI.create("ws://127.0.0.1:9001"), eu.streamUrl(false), "what the override does not name comes from the venue");
        assertEquals(2_000, eu.timeoutMillis());
        assertEquals(10_000, eu.recvWindowMillis());
    }

    @Test
    void shouldPointOkxAccountsAtOkxAndTheirOverridesOverTheOkxSection()
    {
        final ExchangeConfig defaults = ConfigLoader.parse(INSTRUMENTS, "t").exchanges();
        assertEquals(URI.create("https://www.okx.com"), defaults.forAccount("any", VenueKind.OKX).restUrl(false));
        assertEquals(URI.create("wss://ws.okx.com:8443"), defaults.forAccount("any", VenueKind.OKX).streamUrl(false));
        assertEquals(URI.create("wss://wspap.okx.com:8443"), defaults.forAccount("any", VenueKind.OKX).streamUrl(true));
        final ExchangeConfig exchanges = ConfigLoader.parse(INSTRUMENTS + String.join("\n",
            "exchanges:",
            "  binance: { rest_url: \"http://127.0.0.1:9001\" }",
            "  okx: { rest_url: \"http://127.0.0.1:9002\", stream_url: \"ws://127.0.0.1:9002\", timeout_millis: 3000 }",
            "  accounts:",
            "    - { account_id: okx-eu, rest_url: \"https://eea.okx.com\" }",
            ""), "t").exchanges();
        assertEquals(URI.create("http://127.0.0.1:9002"), exchanges.forAccount("okx-1", VenueKind.OKX).restUrl(false));
        assertEquals(URI.create("http://127.0.0.1:9001"), exchanges.forAccount("okx-1", VenueKind.BINANCE).restUrl(false));
        final ExchangeEndpointConfig eu = exchanges.forAccount("okx-eu", VenueKind.OKX);
        assertEquals(URI.create("https://eea.okx.com"), eu.restUrl(false));
        assertEquals(URI.create("ws://127.0.0.1:9002"), eu.streamUrl(false), "what an okx account's override does not name comes from okx");
        assertEquals(3_000, eu.timeoutMillis());
    }

    @Test
    void shouldRefuseWhatTheExchangeWouldNotTake()
    {
        assertRefused("exchanges.binance.recv_window_millis", "exchanges: { binance: { recv_window_millis: 60001 } }");
        assertRefused("exchanges.binance.stream_idle_millis", "exchanges: { binance: { stream_idle_millis: 999 } }");
        assertRefused("exchanges.binance.rest_url", "exchanges: { binance: { rest_url: \"ftp://x\" } }");
        assertRefused("exchanges.binance.stream_url", "exchanges: { binance: { stream_url: \"https://stream.binance.com\" } }");
        assertRefused("exchanges.okx.stream_url", "exchanges: { okx: { stream_url: \"https://ws.okx.com\" } }");
        assertRefused("exchanges.binance.rest_urll", "exchanges: { binance: { rest_urll: \"https://x\" } }");
        assertRefused("exchanges.accounts[1].account_id", "exchanges: { accounts: [ { account_id: a }, { account_id: a } ] }");
        assertRefused("demo.simulated_exchange_url", "demo: { simulated_exchange_url: \"not a url\" }");
    }

    private static void assertRefused(final String path, final String yaml)
    {
        final ConfigException refused = assertThrows(ConfigException.class, () -> ConfigLoader.parse(INSTRUMENTS + yaml + "\n", "t"));
        assertTrue(refused.getMessage().contains(path), refused.getMessage());
    }
}
