package io.ordergate.gateway.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;

/** The start-up warm-up over a real scratch gateway: every order filled, and nothing of it left behind. */
class StartupWarmupTest
{
    private static final String REAL = String.join("\n",
        "server: { host: 127.0.0.1, port: 0, warmup_orders: 300 }",
        "pipeline: { ring_size: 1024, wait_strategy: sleeping }",
        "instruments:",
        "  - { symbol: BTCUSD, digits: 2, pip_size: 1, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.001, max_quantity: 10, base_currency: BTC, quote_currency: USD }",
        "accounts:",
        "  - { account_id: live-1, venue: paper, currency: USD, balance: 1000, leverage: 1 }",
        "demo: { quote_feed: false, simulated_terminal: false }",
        "");

    @Test
    void shouldFillEveryOrderOnAScratchGatewayAndDeleteIt(@TempDir final Path dir) throws IOException
    {
        final Path realData = dir.resolve("real-data");
        final Path scratchParent = Files.createDirectory(dir.resolve("tmp"));
        final GatewayConfig real = ConfigLoader.parse(REAL, "test").withDataDir(realData);

        final StartupWarmup.Result result = StartupWarmup.run(real, real.server().warmupOrders(), scratchParent);

        assertEquals(300, result.orders());
        assertEquals(0, result.failed(), "every warm-up order answered 201 (filled on the scratch paper account)");
        try (Stream<Path> left = Files.list(scratchParent))
        {
            assertEquals(0, left.count(), "the scratch gateway's directory is deleted");
        }
        assertFalse(Files.exists(realData), "the real gateway's data directory is not touched");
    }

    @Test
    void shouldShapeTheScratchGatewayLikeTheRealOneWithoutItsAccountsOrSimulators()
    {
        final GatewayConfig real = ConfigLoader.parse(REAL, "test");

        final GatewayConfig scratch = ConfigLoader.parse(StartupWarmup.scratchYaml(real), "scratch");

        assertEquals(real.pipeline().waitStrategy(), scratch.pipeline().waitStrategy());
        assertEquals(real.server().transport(), scratch.server().transport());
        assertEquals(0, scratch.server().warmupOrders(), "a scratch gateway does not warm up itself");
        assertEquals(1, scratch.accounts().size());
        assertEquals(StartupWarmup.ACCOUNT, scratch.accounts().get(0).accountId());
        assertTrue(scratch.demo().quoteFeed(), "the paper venue fills at the feed's quotes");
        assertFalse(scratch.demo().simulatedTerminal());
        assertFalse(scratch.demo().simulatedExchange());
    }
}
