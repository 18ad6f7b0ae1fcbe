package io.ordergate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoConfigTest
{
    private final GatewayConfig config = ConfigLoader.demo();

    @Test
    void shouldListenOnLoopbackWithDataUnderTheWorkingDirectory()
    {
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(8080, config.server().port());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.dataDir().isAbsolute());
    }

    @Test
    void shouldCarryTheDemoInstrumentsExactly()
    {
        final List<InstrumentSpec> instruments = config.instruments();
        assertEquals(7, instruments.size());
        //                symbol    digits pip   contract  qd  step min max       base   quote  bid       ask
        assertInstrument(instruments.get(0), 0, "EURUSD", 5, 10, 100000, 2, 1, 1, 10000, "EUR", "USD",
            108420, 108428);
        assertInstrument(instruments.get(1), 1, "GBPUSD", 5, 10, 100000, 2, 1, 1, 10000, "GBP", "USD",
            126510, 126522);
        assertInstrument(instruments.get(2), 2, "USDJPY", 3, 10, 100000, 2, 1, 1, 10000, "USD", "JPY",
            151420, 151436);
        assertInstrument(instruments.get(3), 3, "XAUUSD", 2, 10, 100, 2, 1, 1, 5000, "XAU", "USD",
            238050, 238085);
        assertInstrument(instruments.get(4), 4, "BTCUSD", 2, 100, 1, 3, 1, 1, 10000, "BTC", "USD",
            6725000, 6726500);
        // the demo's simulated exchange: tick 0.01 and lot steps 0.00001 / 0.0001, as its exchangeInfo filters say
        assertInstrument(instruments.get(5), 5, "BTCUSDT", 2, 1, 1, 5, 1, 1, 900000000, "BTC", "USD", 6500000, 6500100);
        assertInstrument(instruments.get(6), 6, "ETHUSDT", 2, 1, 1, 4, 1, 1, 90000000, "ETH", "USD", 350000, 350010);
        assertThrows(UnsupportedOperationException.class, () -> instruments.remove(0));
    }

    @Test
    void shouldCarryAPaperAnMt5AndTwoExchangeAccounts()
    {
        final List<AccountSpec> accounts = config.accounts();
        assertEquals(4, accounts.size());
        assertAccount(accounts.get(2), "binance-demo", VenueKind.BINANCE, "USD", 10_000_000L, 1);
        assertAccount(accounts.get(3), "okx-demo", VenueKind.OKX, "USD", 10_000_000L, 1);
        assertAccount(accounts.get(0), "paper-1", VenueKind.PAPER, "USD", 10_000_000L, 100);
        assertAccount(accounts.get(1), "mt5-demo", VenueKind.MT5, "USD", 1_000_000L, 100);
        assertEquals("mt5-demo", config.demo().mt5AccountId());
        assertTrue(config.demo().quoteFeed());
        assertTrue(config.demo().simulatedTerminal());
        assertEquals(250, config.demo().quoteIntervalMillis());
        assertTrue(config.demo().simulatedExchange(), "binance-demo trades on a simulated exchange: its own flag, not the terminal's");
        assertEquals("binance-demo", config.demo().exchangeAccountId());
        assertEquals(null, config.demo().simulatedExchangeUrl());
        assertEquals("okx-demo", config.demo().okxAccountId(), "okx-demo trades on a simulated OKX next to it");
    }

    @Test
    void shouldTakeDefaultsForSectionsItLeavesOut()
    {
        assertEquals(4096, config.pipeline().ringSize());
        assertEquals(WaitStrategyKind.BLOCKING, config.pipeline().waitStrategy());
        assertEquals(65536, config.engine().maxOrders());
        assertEquals(300, config.executors().offlineAfterSeconds());
        assertEquals(2000, config.webhook().dedupWindowMillis());
        assertTrue(config.webhook().allowedSources().isEmpty());
    }

    @Test
    void shouldCopyWithChangedSettingsAndLeaveTheOriginal()
    {
        final GatewayConfig changed = config.withPort(0).withHost("0.0.0.0").withQuoteFeed(false)
            .withDataDir(Path.of("other"));
        assertEquals(0, changed.server().port());
        assertEquals("0.0.0.0", changed.server().host());
        assertEquals(false, changed.demo().quoteFeed());
        assertEquals(Path.of("other").toAbsolutePath(), changed.dataDir());
        assertEquals(config.instruments(), changed.instruments());
        assertEquals(8080, config.server().port());
        assertTrue(config.demo().quoteFeed());

        final ConfigException bad = assertThrows(ConfigException.class, () -> config.withPort(70000));
        assertEquals("server.port", bad.key());
    }

    private static void assertInstrument(
        final InstrumentSpec spec, final int index, final String symbol, final int digits, final long pip,
        final long contract, final int quantityDigits, final long step, final long min, final long max,
        final String base, final String quote, final long bid, final long ask)
    {
        assertEquals(index, spec.index());
        assertEquals(symbol, spec.symbol());
        assertEquals(digits, spec.priceDigits(), symbol);
        assertEquals(pip, spec.pipSize(), symbol);
        assertEquals(contract, spec.contractSize(), symbol);
        assertEquals(quantityDigits, spec.quantityDigits(), symbol);
        assertEquals(step, spec.lotStep(), symbol);
        assertEquals(min, spec.minQuantity(), symbol);
        assertEquals(max, spec.maxQuantity(), symbol);
        assertEquals(base, spec.baseCurrency(), symbol);
        assertEquals(quote, spec.quoteCurrency(), symbol);
        assertEquals(bid, spec.demoBid(), symbol);
        assertEquals(ask, spec.demoAsk(), symbol);
    }

    private static void assertAccount(
        final AccountSpec spec, final String id, final VenueKind venue, final String currency, final long balance,
        final int leverage)
    {
        assertEquals(id, spec.accountId());
        assertEquals(venue, spec.venue());
        assertEquals(currency, spec.currency());
        assertEquals(balance, spec.balance(), id);
        assertEquals(leverage, spec.leverage(), id);
    }
}
