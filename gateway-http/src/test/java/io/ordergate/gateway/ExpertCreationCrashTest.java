package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.journal.cli.JournalCli;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A crash drill for seed 001's expert with an {@code exchange} block, which makes an exchange account and the expert on
 * it: a crash leaves the journal cut at a record boundary, so the drill kills the gateway after the creation and cuts
 * the journal at the record that holds the expert (damaged, then repaired away as an operator's repair does). Whatever
 * the cut keeps, the restarted gateway must hold the account and its expert both or neither: an account left without
 * its expert is nobody's, and a retry of the same request would clash with its id.
 *
 * <pre>
 *   POST /experts (exchange block) ─► kill ─► the expert's record lost ─► start: no account, no expert
 *   ─► the same request again: both ─► restart: the replay agrees
 * </pre>
 */
class ExpertCreationCrashTest
{
    private static final String KEY = "crashDrillKey0001";
    private static final String SECRET = "crash-drill-secret-0123456789";
    private static final String STRATEGY = "crash-drill-strategy";
    private static final String BTCUSDT = "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,\n"
        + "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }\n";
    private static final String CREATE = "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET
        + "\",\"testnet\":false},\"account_id\":\"bn-drill\",\"strategy_config\":{\"strategy_name\":\"" + STRATEGY
        + "\",\"symbol\":\"BTCUSDT\"}}";

    @TempDir
    Path dataDir;

    @Test
    void aCrashThatLosesTheExpertsRecordLeavesNeitherTheExpertNorItsExchangeAccount() throws Exception
    {
        try (SimulatedExchange exchange = SimulatedExchange.start(0))
        {
            exchange.addAccount(KEY, SECRET, Map.of("USDT", "1000"));
            exchange.quote("BTCUSDT", "65000.00", "65001.00");
            try (TestGateway gateway = start(exchange))
            {
                final Reply made = gateway.post("/api/v1/experts", CREATE);
                assertEquals(201, made.status(), made::toString);
                assertEquals("bn-drill", gateway.get("/api/v1/experts/exp_1").text("account_id"));
                gateway.closeAsIfKilled();
            }
            JournalBytes.replaceLast(dataDir.resolve("journal"), STRATEGY, "crash-drill-damaged!");
            repair();

            try (TestGateway gateway = start(exchange))
            {
                final Reply expert = gateway.get("/api/v1/experts/exp_1");
                final Reply account = gateway.get("/api/v1/accounts/bn-drill");
                assertEquals(404, expert.status(), "the expert's record was cut off: " + expert);
                assertEquals(404, account.status(), "so was its exchange account, made by the same request: " + account);
                assertFalse(gateway.get("/api/v1/accounts").body().contains("bn-drill"), "no account left behind");

                final Reply retried = gateway.post("/api/v1/experts", CREATE);
                assertEquals(201, retried.status(), "the same request again makes both: " + retried);
                assertEquals("bn-drill", gateway.get("/api/v1/experts/exp_1").text("account_id"));
            }
            try (TestGateway gateway = start(exchange))
            {
                assertEquals("bn-drill", gateway.get("/api/v1/experts/exp_1").text("account_id"), "the replay holds the expert");
                assertEquals(200, gateway.get("/api/v1/accounts/bn-drill").status(), "and its account");
            }
        }
    }

    private TestGateway start(final SimulatedExchange exchange)
    {
        final String rest = exchange.restUrl().toString();
        final String ws = exchange.streamUrl().toString();
        return TestGateway.startEdited(dataDir, config -> config.replace("accounts:\n", BTCUSDT + "accounts:\n")
            + "exchanges:\n  binance: { rest_url: \"" + rest + "\", stream_url: \"" + ws + "\", timeout_millis: 3000 }\n");
    }

    /** Cuts the journal at its damage, as an operator's repair does: what follows is lost, as in a crash. */
    private void repair()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = JournalCli.run(new String[] {"repair", "--data-dir", dataDir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }
}
