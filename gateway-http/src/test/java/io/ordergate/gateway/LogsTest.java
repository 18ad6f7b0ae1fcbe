package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.journal.cli.JournalCli;

/**
 * {@code GET /api/v1/logs}: the caller's accounts' commands as readable lines decoded from the journal (time, who,
 * what, result), the same after a restart, filtered by type and level; and the journal dump printing the same lines.
 */
class LogsTest
{
    @TempDir
    Path dataDir;

    @Test
    void theCallersAccountsLinesAreReadableFilteredAndTheSameAfterARestartAndInTheDump() throws Exception
    {
        final List<String> messages;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final String filled = gateway.send("POST", "/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.1,\"stop_loss\":1.08}", trade).text("order_id");
            assertEquals(422, gateway.send("POST", "/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":99}", trade).status());
            assertEquals(202, gateway.quote("EURUSD", "1.07990", "1.07998").status());  // hits the stop loss
            assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status());

            final JsonNode logs = gateway.send("GET", "/api/v1/logs", null, trade).json().path("logs");
            messages = messages(logs);
            assertTrue(messages.get(0).startsWith("QUOTES 1 quote(s) -> ACCEPTED: order "), "newest first: the stop loss " + messages);
            assertTrue(messages.get(0).contains("(stop_loss) filled 0.1 at 1.0799 on paper-1") && messages.get(0).contains("closed on paper-1"),
                messages.get(0));
            assertTrue(messages.contains("NEW_ORDER buy 0.1 EURUSD market on paper-1 -> CREATED: order " + filled
                + " filled 0.1 at 1.08428 on paper-1; position 1 opened on paper-1"), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("NEW_ORDER buy 99 EURUSD market on paper-1 -> INSUFFICIENT_MARGIN")),
                messages.toString());
            assertTrue(messages.stream().noneMatch(m -> m.contains("paper-2")), "never another account's: " + messages);
            final JsonNode first = logs.get(logs.size() - 1);
            assertTrue(first.path("timestamp").asText().endsWith("Z") && first.path("context").path("by").asText().startsWith("key og_")
                || first.path("context").path("by").asText().equals("system"), first::toString);

            final List<String> errors = messages(gateway.send("GET", "/api/v1/logs?log_type=error", null, trade).json().path("logs"));
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("INSUFFICIENT_MARGIN"));
            assertEquals("WARNING", gateway.send("GET", "/api/v1/logs?level=warning", null, trade).json().path("logs").get(0).path("level").asText());
            assertEquals(1, gateway.send("GET", "/api/v1/logs?limit=1", null, trade).json().path("logs").size());
            assertTrue(messages(gateway.send("GET", "/api/v1/logs?log_type=trade", null, trade).json().path("logs")).stream()
                .allMatch(m -> m.contains("order")), "trade lines are about orders");
            assertTrue(messages(gateway.get("/api/v1/logs?account_id=paper-2").json().path("logs")).stream().anyMatch(m -> m.contains("paper-2")),
                "an admin sees every account");

            final Reply other = gateway.send("GET", "/api/v1/logs?account_id=paper-2", null, trade);
            final Reply missing = gateway.send("GET", "/api/v1/logs?account_id=nope", null, trade);
            assertEquals(404, other.status());
            assertEquals(other.body(), missing.body(), "another's account is refused like one that does not exist");
            for (final String bad : new String[] {"log_type=debug", "level=LOUD", "limit=0", "limit=501", "account_id=a%20b", "color=red"})
            {
                final Reply refused = gateway.send("GET", "/api/v1/logs?" + bad, null, trade);
                assertEquals(400, refused.status(), bad + " -> " + refused);
                assertEquals(bad.substring(0, bad.indexOf('=')), refused.errorField(), bad + " -> " + refused);
            }

            gateway.restart();
            assertEquals(messages, messages(gateway.send("GET", "/api/v1/logs", null, trade).json().path("logs")), "rebuilt from the journal");
        }

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = JournalCli.run(new String[] {"dump", "--data-dir", dataDir.toString(), "--config", writeConfig().toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        final String dump = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, dump);
        for (final String message : messages)
        {
            assertTrue(dump.contains(message.replace(" -> ", "  ->  ")), "the dump prints the same line: " + message + "\n" + dump);
        }
        assertTrue(!dump.contains("whsec_") && !dump.contains("test-admin-secret"), "no secret in the dump");
    }

    private Path writeConfig() throws Exception
    {
        final Path config = dataDir.resolveSibling(dataDir.getFileName() + "-config.yaml");
        java.nio.file.Files.writeString(config, TestGateway.CONFIG);
        return config;
    }

    private static List<String> messages(final JsonNode logs)
    {
        final List<String> messages = new ArrayList<>();
        for (final JsonNode line : logs)
        {
            messages.add(line.path("message").asText());
        }
        return messages;
    }
}
