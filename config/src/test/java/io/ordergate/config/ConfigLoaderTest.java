package io.ordergate.config;

import static io.ordergate.config.ConfigValidationTest.withInstrument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest
{
    @Test
    void shouldKeepDecimalsExactWhateverYamlThinksTheyAre()
    {
        final GatewayConfig config = ConfigLoader.parse(
            "instruments:\n" +
            "  - {symbol: X, digits: 4, pip_size: 0.0001, contract_size: 1, lot_step: 0.1,\n" +
            "     min_quantity: 0.1, max_quantity: '1e3', base_currency: AAA, quote_currency: BBB,\n" +
            "     demo_bid: \"0.3\", demo_ask: 3001e-4}\n" +
            "accounts:\n" +
            "  - {account_id: a, currency: USD, balance: 100000.10}\n" +
            "  - {account_id: b, currency: USD, balance: 92233720368547758.07}\n", "test");
        final InstrumentSpec x = config.instruments().get(0);
        assertEquals(1, x.pipSize());
        assertEquals(1, x.quantityDigits());
        assertEquals(1, x.lotStep());
        assertEquals(1, x.minQuantity());
        assertEquals(10000, x.maxQuantity());
        assertEquals(3000, x.demoBid());
        assertEquals(10_000_010L, config.accounts().get(0).balance());
        assertEquals(3001, x.demoAsk());
        assertEquals(Long.MAX_VALUE, config.accounts().get(1).balance());
    }

    @Test
    void shouldCheckTheTextOfADecimalNotARoundedDouble()
    {
        ConfigValidationTest.assertRejected(withInstrument(
            "accounts:\n  - {account_id: a, currency: USD, balance: 0.30000000000000004}\n"),
            "accounts[0].balance", "at most 2 decimal places");
    }

    @Test
    void shouldTakeEveryDefaultForAMinimalConfig()
    {
        final GatewayConfig config = ConfigLoader.parse(withInstrument(""), "test");
        assertEquals("127.0.0.1", config.server().host());
        assertEquals(8080, config.server().port());
        assertEquals(65536, config.server().maxBodyBytes());
        assertEquals(1024, config.server().maxConnections());
        assertEquals(60, config.server().idleTimeoutSeconds());
        assertEquals(1, config.server().eventLoopThreads());
        assertEquals("auto", config.server().transport());
        assertEquals(512, config.server().maxUnauthenticatedConnections());
        assertEquals(256, config.server().maxUnauthenticatedPerAddress());
        assertEquals(10, config.server().requestReadTimeoutSeconds());
        assertTrue(config.server().backgroundThreadsIdle(), "the JVM's compilers go to the idle class unless told otherwise");
        assertEquals(Path.of("data").toAbsolutePath().normalize(), config.dataDir());
        assertEquals(4096, config.pipeline().ringSize());
        assertEquals(WaitStrategyKind.BLOCKING, config.pipeline().waitStrategy());
        final EngineConfig engine = config.engine();
        assertEquals(List.of(256, 65536, 65536, 1024, 65536, 256, 256, 65536),
            List.of(engine.maxAccounts(), engine.maxOrders(), engine.maxTrades(), engine.maxKeys(),
                engine.maxTickets(), engine.maxGroups(), engine.maxBots(), engine.maxExecutorCommands()));
        assertEquals(List.of(1024, 256, 0L, 1000), List.of(engine.maxExperts(), engine.expertLogEntries(), engine.paperFeeRate(),
            config.executors().trailingModifyIntervalMillis()));
        final ExecutorConfig executors = config.executors();
        assertEquals(List.of(300, 120, 60, 300, 60, 20, 60, 4 * 1024 * 1024, 1000),
            List.of(executors.offlineAfterSeconds(), executors.heartbeatLimit(), executors.commandLimit(),
                executors.tradeLimit(), executors.rateWindowSeconds(), executors.pingIntervalSeconds(),
                executors.socketIdleTimeoutSeconds(), executors.maxQueuedBytesPerSocket(), executors.maxPendingCommands()));
        assertTrue(config.demo().quoteFeed());
        assertEquals(250, config.demo().quoteIntervalMillis());
        assertTrue(config.demo().simulatedTerminal());
        assertEquals("mt5-demo", config.demo().mt5AccountId());
        assertEquals(2000, config.webhook().dedupWindowMillis());
        assertTrue(config.webhook().allowedSources().isEmpty());
        assertTrue(config.accounts().isEmpty());
        assertEquals(0, config.instruments().get(0).demoBid());
        assertEquals(0, config.instruments().get(0).demoAsk());
        assertEquals(JournalConfig.ReplayDivergence.REFUSE, config.journal().onReplayDivergence(), "a diverged replay is not served unasked");
    }

    @Test
    void shouldReadEverySectionWhenGiven()
    {
        final GatewayConfig config = ConfigLoader.parse(withInstrument(
            "server: {host: 0.0.0.0, port: 0, max_body_bytes: 1024, max_connections: 10, idle_timeout_seconds: 5," +
            " event_loop_threads: 2, transport: nio, max_unauthenticated_connections: 4, request_read_timeout_seconds: 3," +
            " background_threads: normal}\n" +
            "data_dir: /var/lib/ordergate/../og\n" +
            "journal: {on_replay_divergence: start}\n" +
            "pipeline: {ring_size: 1_048_576, wait_strategy: busy-spin, yield_window_us: 250}\n" +
            "engine: {max_orders: 1024, max_accounts: 4}\n" +
            "executors: {offline_after_seconds: 30, max_queued_bytes_per_socket: 65536}\n" +
            "demo: {quote_feed: off, quote_interval_millis: 100, simulated_terminal: false, mt5_account_id: m}\n" +
            "webhook: {dedup_window_millis: 0, allowed_sources: [52.89.214.238, 10.0.0.0/8, '::1', " +
            "'2001:db8::/32', '::ffff:10.0.0.1']}\n" +
            "accounts:\n  - {account_id: NO, venue: mt5, currency: USD, balance: 0, leverage: 1000}\n"), "test");
        assertEquals("0.0.0.0", config.server().host());
        assertEquals(0, config.server().port());
        assertEquals(2, config.server().eventLoopThreads());
        assertEquals("nio", config.server().transport());
        assertEquals(4, config.server().maxUnauthenticatedConnections());
        assertEquals(3, config.server().requestReadTimeoutSeconds());
        assertFalse(config.server().backgroundThreadsIdle());
        assertEquals(Path.of("/var/lib/og"), config.dataDir());
        assertEquals(JournalConfig.ReplayDivergence.START, config.journal().onReplayDivergence());
        assertEquals(1_048_576, config.pipeline().ringSize());
        assertEquals(WaitStrategyKind.BUSY_SPIN, config.pipeline().waitStrategy());
        assertEquals(250, config.pipeline().yieldWindowMicros());
        assertEquals(1024, config.engine().maxOrders());
        assertEquals(4, config.engine().maxAccounts());
        assertEquals(30, config.executors().offlineAfterSeconds());
        assertEquals(65536, config.executors().maxQueuedBytesPerSocket());
        assertFalse(config.demo().quoteFeed());
        assertFalse(config.demo().simulatedTerminal());
        assertEquals("m", config.demo().mt5AccountId());
        assertEquals(0, config.webhook().dedupWindowMillis());
        assertEquals(List.of("52.89.214.238", "10.0.0.0/8", "::1", "2001:db8::/32", "::ffff:10.0.0.1"),
            config.webhook().allowedSources());
        // "NO" is a YAML 1.1 boolean; an id keeps its text.
        assertEquals("NO", config.accounts().get(0).accountId());
        assertEquals(VenueKind.MT5, config.accounts().get(0).venue());
        assertEquals(1000, config.accounts().get(0).leverage());
    }

    @Test
    void shouldLoadAFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, withInstrument("server:\n  port: 9090\n"));
        assertEquals(9090, ConfigLoader.load(file).server().port());
    }

    @Test
    void shouldNameTheFileItCannotRead(@TempDir final Path dir)
    {
        final Path missing = dir.resolve("missing.yaml");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing.toString(), ex.key());
        assertTrue(ex.getMessage().startsWith("config error at " + missing + ": cannot read file"), ex.getMessage());
    }

    @Test
    void shouldNameTheFileWithInvalidYaml(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "server: [\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file.toString(), ex.key());
        assertTrue(ex.getMessage().contains("invalid YAML"), ex.getMessage());
    }

    @Test
    void shouldRefuseYamlThatWouldConstructObjects()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
            withInstrument("server: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"), "t"));
        assertEquals("t", ex.key());
        assertTrue(ex.getMessage().contains("Global tag is not allowed"), ex.getMessage());
    }
}
