package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.gateway.testing.SecretSearch;
import io.ordergate.journal.Journal;

/** A restart on the same data dir replays the journal into the same state. */
class RestartTest
{
    @TempDir
    Path dataDir;

    @Test
    void aRestartReplaysToTheSameStateAndOrderIdsContinue()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.createAccount("restart-1", "5000").status());
            final Key trade = gateway.createKey("trade", "restart-1");
            gateway.market("paper-1", "EURUSD", "buy", "0.3");
            gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"sell\",\"type\":\"limit\",\"price\":1.09,\"quantity\":0.1}");
            gateway.send("PUT", "/api/v1/accounts/paper-2/risk", "{\"max_order_quantity\":1}", TestGateway.ADMIN);
            final Reply last = gateway.market("paper-2", "EURUSD", "buy", "5");
            assertEquals(422, last.status(), last::toString);
            final long lastOrderId = Long.parseLong(last.text("order_id"));
            final String digest = gateway.digest();

            gateway.restart();

            assertEquals(digest, gateway.digest(), "replay rebuilt the same state");
            assertTrue(gateway.printed().contains("replayed "), gateway.printed());
            assertTrue(gateway.gateway().replayedRecords() >= 7, "records: " + gateway.gateway().replayedRecords());
            final Reply next = gateway.market("paper-1", "EURUSD", "sell", "0.1");
            assertEquals(201, next.status(), next::toString);
            assertEquals(lastOrderId + 1, Long.parseLong(next.text("order_id")));
            final Reply withOldKey = gateway.send("GET", "/api/v1/accounts/restart-1", null, trade);
            assertEquals(200, withOldKey.status(), "keys survive a restart: " + withOldKey);
        }
    }

    @Test
    void withoutAnEnvironmentKeyAnAdminKeyIsGeneratedAndPrintedOnce() throws Exception
    {
        final StartupOptions noKey = StartupOptions.parse(new String[0], Map.of());
        final ByteArrayOutputStream first = new ByteArrayOutputStream();
        final String key;
        final String secret;
        try (Ordergate gateway = Ordergate.start(TestGateway.config(dataDir), noKey, new PrintStream(first, true, StandardCharsets.UTF_8)))
        {
            final String printed = first.toString(StandardCharsets.UTF_8);
            final Matcher keyLine = Pattern.compile("Admin API key: (og_[a-z0-9]{24})").matcher(printed);
            final Matcher secretLine = Pattern.compile("Admin API secret: ([A-Za-z0-9]{48})").matcher(printed);
            assertTrue(keyLine.find() && secretLine.find(), printed);
            assertTrue(printed.contains("will not be shown again"), printed);
            key = keyLine.group(1);
            secret = secretLine.group(1);
            final Matcher banner = Pattern.compile("Ordergate listening on http://127\\.0\\.0\\.1:(\\d+) \\(data dir ").matcher(printed);
            assertTrue(banner.find(), printed);
            assertEquals(gateway.port(), Integer.parseInt(banner.group(1)));
        }
        final ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (Ordergate gateway = Ordergate.start(TestGateway.config(dataDir), noKey, new PrintStream(second, true, StandardCharsets.UTF_8)))
        {
            assertFalse(second.toString(StandardCharsets.UTF_8).contains("Admin API"), "printed only once");
            final java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/accounts"))
                    .header("X-API-Key", key).header("X-API-Secret", secret).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
        }
    }

    @Test
    void aChangedEnvironmentSecretRotatesTheAdminKey() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(200, gateway.get("/api/v1/accounts").status());
        }
        final StartupOptions rotated = StartupOptions.parse(new String[0], Map.of(
            StartupOptions.API_KEY_ENV, TestGateway.ADMIN_KEY, StartupOptions.API_SECRET_ENV, "a-brand-new-secret-for-the-admin-key-0123456789"));
        try (Ordergate gateway = Ordergate.start(TestGateway.config(dataDir), rotated,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            final java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/accounts");
            assertEquals(401, client.send(java.net.http.HttpRequest.newBuilder(uri).header("X-API-Key", TestGateway.ADMIN_KEY)
                .header("X-API-Secret", TestGateway.ADMIN_SECRET).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(java.net.http.HttpRequest.newBuilder(uri).header("X-API-Key", TestGateway.ADMIN_KEY)
                .header("X-API-Secret", "a-brand-new-secret-for-the-admin-key-0123456789").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void onlyTheHashOfAKeySecretIsJournaled()
    {
        final String secret;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            secret = gateway.createKey("read", "paper-1").secret();
        }
        final byte[] clear = secret.getBytes(StandardCharsets.US_ASCII);
        final byte[] hash = io.ordergate.gateway.auth.Secrets.hash(secret);
        final boolean[] found = new boolean[2];
        try (Journal journal = Journal.open(dataDir.resolve("journal")))
        {
            journal.replay((buffer, offset, length, index) ->
            {
                final byte[] record = new byte[length];
                buffer.getBytes(offset, record);
                found[0] |= SecretSearch.contains(record, clear);
                found[1] |= SecretSearch.contains(record, hash);
            });
        }
        assertFalse(found[0], "the secret is in the journal in clear");
        assertTrue(found[1], "the secret's hash is journaled");
    }
}
