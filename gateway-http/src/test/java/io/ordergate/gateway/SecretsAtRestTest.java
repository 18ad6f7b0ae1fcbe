package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.gateway.testing.SecretSearch;

/**
 * Secrets at rest, over real HTTP against real gateways: a bot secret a person chose is nowhere in the data directory,
 * not even as its SHA-256; a captured signed alert runs at most once, and never outside its window; and every file the gateway
 * writes in its data directory is its owner's alone.
 */
class SecretsAtRestTest
{
    private static final String CHOSEN = "hunter2-summer";

    @TempDir
    Path dataDir;

    @Test
    void aChosenBotSecretIsKeptOnlyAsAKeyedHashAndASealedCopy() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"" + CHOSEN + "\"}").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(200, alert(gateway, "/webhook/tradingview", null, "b-1,buy,EURUSD,qty=0.01,secret=" + CHOSEN).status());
            gateway.restart();
            assertEquals(200, alert(gateway, "/webhook/tradingview/" + CHOSEN, null, "b-1,buy,EURUSD,qty=0.02").status(),
                "after a restart the secret still opens the path");
            assertEquals(401, alert(gateway, "/webhook/tradingview/" + CHOSEN + "x", null, "b-1,buy,EURUSD,qty=0.02").status());
        }
        final byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(CHOSEN.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), SecretSearch.secretsIn(dataDir, List.of(
            CHOSEN, HexFormat.of().formatHex(sha256), new String(sha256, StandardCharsets.ISO_8859_1))));
        assertEquals(2, SecretSearch.secretsIn(dataDir, List.of("h1:", "v1:")).size(),
            "the search reads the journal: the keyed hash and the sealed copy are there");
    }

    @Test
    void anAlertBodyCarryingTheSecretIsJournaledOnlyByAKeyedFingerprint() throws Exception
    {
        final String line = "b-1,buy,EURUSD,qty=0.01,secret=" + CHOSEN;
        try (TestGateway gateway = TestGateway.start(dataDir, "webhook: { dedup_window_millis: 600000 }\n"))
        {
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"" + CHOSEN + "\"}").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(200, alert(gateway, "/webhook/tradingview", null, line).status());
            final TestGateway.Reply again = alert(gateway, "/webhook/tradingview", null, line);
            assertTrue(again.json().path("data").path("duplicate").asBoolean(), "the same body inside the window is still found: " + again);
        }
        // A plain hash of the body (FNV-1a, as journaled before) would let a journal reader test guesses of the secret.
        long plain = 0xcbf29ce484222325L;
        for (final byte b : line.getBytes(StandardCharsets.UTF_8))
        {
            plain = (plain ^ (b & 0xff)) * 0x100000001b3L;
        }
        final byte[] littleEndian = java.nio.ByteBuffer.allocate(Long.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(plain).array();
        final byte[] bigEndian = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(plain).array();
        assertEquals(List.of(), SecretSearch.secretsIn(dataDir, List.of(
            new String(littleEndian, StandardCharsets.ISO_8859_1), new String(bigEndian, StandardCharsets.ISO_8859_1))));
    }

    @Test
    void aSignedAlertWithOrWithoutAnIdRunsOnceInsideItsWindowAndNeverOutsideIt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "webhook: { signed_alert_window_seconds: 60 }\n"))
        {
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"" + CHOSEN + "\"}").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());

            final String now = "{\"bot\": \"b-1\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"time\": \"" + Instant.now() + "\"}";
            final TestGateway.Reply first = alert(gateway, "/webhook/tradingview", sign(now), now);
            assertEquals(200, first.status(), first.toString());
            assertFalse(first.json().path("data").path("duplicate").asBoolean());
            final TestGateway.Reply replayed = alert(gateway, "/webhook/tradingview", sign(now), now);
            assertEquals(200, replayed.status(), replayed.toString());
            assertTrue(replayed.json().path("data").path("duplicate").asBoolean(), "the same signed body inside the window: " + replayed);
            assertEquals(first.json().path("data").path("correlation_id"), replayed.json().path("data").path("correlation_id"));
            assertEquals(1, gateway.get("/api/v1/orders?account_id=paper-1").json().path("orders").size(), "one order for the two sends");

            final String old = now.replaceFirst("\"time\": \"[^\"]+\"", "\"time\": \"" + Instant.now().minusSeconds(120) + "\"");
            final TestGateway.Reply stale = alert(gateway, "/webhook/tradingview", sign(old), old);
            assertEquals(401, stale.status(), stale.toString());
            assertEquals("INVALID_CREDENTIALS", stale.errorCode());
            assertTrue(stale.body().contains("60 s"), stale.body());
            final String future = now.replaceFirst("\"time\": \"[^\"]+\"", "\"time\": " + (Instant.now().getEpochSecond() + 120));
            assertEquals(401, alert(gateway, "/webhook/tradingview", sign(future), future).status());

            final String untimed = "{\"bot\": \"b-1\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01}";
            final TestGateway.Reply noTime = alert(gateway, "/webhook/tradingview", sign(untimed), untimed);
            assertEquals(401, noTime.status(), noTime.toString());
            assertTrue(noTime.body().contains("time"), noTime.body());

            // Unix seconds are a time too. An alert with its own id needs one as well: the engine remembers ids only for
            // its last fan-outs, so a captured body with an id and no time could trade again once its id is forgotten.
            final String epoch = untimed.replace("}", ", \"time\": " + Instant.now().getEpochSecond() + "}");
            assertEquals(200, alert(gateway, "/webhook/tradingview", sign(epoch), epoch).status());
            final String withId = untimed.replace("}", ", \"id\": \"a-1\"}");
            final TestGateway.Reply idWithoutTime = alert(gateway, "/webhook/tradingview", sign(withId), withId);
            assertEquals(401, idWithoutTime.status(), idWithoutTime.toString());
            assertEquals("time", idWithoutTime.json().path("error").path("field").asText(), idWithoutTime.toString());
            final String timedId = epoch.replace("}", ", \"id\": \"a-1\"}");
            assertEquals(200, alert(gateway, "/webhook/tradingview", sign(timedId), timedId).status());
            assertEquals(3, gateway.get("/api/v1/orders?account_id=paper-1").json().path("orders").size());
            // The secret itself is no signature: whoever holds it may send what they like, with or without a time.
            assertEquals(200, alert(gateway, "/webhook/tradingview", null, untimed.replace("}", ", \"secret\": \"" + CHOSEN + "\"}")).status());
            assertEquals(400, alert(gateway, "/webhook/tradingview", sign(untimed.replace("}", ", \"time\": \"yesterday\"}")),
                untimed.replace("}", ", \"time\": \"yesterday\"}")).status());
        }
    }

    @Test
    void everyFileTheGatewayWritesInItsDataDirectoryIsOwnerOnly() throws Exception
    {
        final GatewayConfig config = ConfigLoader.demo().withDataDir(dataDir.resolve("data")).withPort(0);
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Ordergate demo = Ordergate.start(config, TestGateway.adminOptions(), out))
        {
            final TestGateway.Reply bot = post(demo, "/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"" + CHOSEN + "\"}");
            assertEquals(201, bot.status(), bot.toString());
            final Path positions = dataDir.resolve("data").resolve("demo-terminal-positions.json");
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(positions) && System.nanoTime() < deadline)
            {
                // until the simulated terminal is connected (before that: 422 EXECUTOR_OFFLINE) and has filled one
                post(demo, "/api/v1/orders",
                    "{\"account_id\": \"mt5-demo\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"type\": \"market\", \"quantity\": 0.01}");
                Thread.sleep(100);
            }
            assertTrue(Files.exists(positions), "the simulated terminal opened the ticket and remembered it");
        }
        JournalBytes.zeroLastRecordHeader(dataDir.resolve("data").resolve("journal"));
        try (Ordergate again = Ordergate.start(config, TestGateway.adminOptions(), out))
        {
            assertNotEquals(0, again.replayedRecords());
        }
        final List<String> names = new ArrayList<>();
        final List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dataDir.resolve("data")))
        {
            for (final Path path : (Iterable<Path>)paths::iterator)
            {
                final String name = dataDir.resolve("data").relativize(path).toString();
                final String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                names.add(name);
                if (!mode.equals(Files.isDirectory(path) ? "rwx------" : "rw-------"))
                {
                    open.add(name + " " + mode);
                }
            }
        }
        assertEquals(List.of(), open, "files and directories others could read, of " + names);
        for (final String expected : List.of("journal", "master.key", "auth", "damaged", "demo-terminal-positions.json"))
        {
            assertTrue(names.stream().anyMatch(name -> name.contains(expected)), expected + " is among " + names);
        }
        assertTrue(names.stream().anyMatch(name -> name.endsWith("report.txt")), "the damaged tail's report is among " + names);
    }

    private static TestGateway.Reply post(final Ordergate demo, final String path, final String json) throws Exception
    {
        final var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new TestGateway.Reply(response.statusCode(), response.body(), response);
    }

    private static String sign(final String body) throws Exception
    {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CHOSEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static TestGateway.Reply alert(final TestGateway gateway, final String path, final String signature, final String body)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null)
        {
            request.header("X-TradingView-Signature", signature);
        }
        return gateway.send(request.build());
    }
}
