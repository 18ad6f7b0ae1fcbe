package io.ordergate.simulators.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.ordergate.simulators.SimulatorJson;

/**
 * A test client of the simulated OKX written from OKX's documentation: REST signed with the {@code OK-ACCESS-*} headers
 * (base64 HMAC-SHA256 of timestamp + method + path with query + body), and a private WebSocket that records every text.
 */
final class OkxClient
{
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String key;
    private final String secret;
    private final String passphrase;

    OkxClient(final URI base, final String key, final String secret, final String passphrase)
    {
        this.base = base;
        this.key = key;
        this.secret = secret;
        this.passphrase = passphrase;
    }

    HttpResponse<String> signed(final String method, final String pathAndQuery, final String body) throws Exception
    {
        return signedAt(method, pathAndQuery, body, ISO.format(Instant.now()), secret, passphrase);
    }

    HttpResponse<String> signedAt(final String method, final String pathAndQuery, final String body, final String timestamp, final String withSecret,
        final String withPassphrase) throws Exception
    {
        final String payload = body == null ? "" : body;
        final HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Content-Type", "application/json")
            .header("OK-ACCESS-KEY", key).header("OK-ACCESS-TIMESTAMP", timestamp).header("OK-ACCESS-PASSPHRASE", withPassphrase)
            .header("OK-ACCESS-SIGN", sign(withSecret, timestamp + method + pathAndQuery + payload));
        return http.send("POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.ofString(payload)).build() : request.GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static String timestamp(final Instant at)
    {
        return ISO.format(at);
    }

    HttpResponse<String> plain(final String pathAndQuery) throws Exception
    {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String loginMessage(final String withPassphrase)
    {
        final String timestamp = Long.toString(System.currentTimeMillis() / 1_000);
        return SimulatorJson.write(Map.of("op", "login", "args", List.of(Map.of("apiKey", key, "passphrase", withPassphrase, "timestamp", timestamp,
            "sign", sign(secret, timestamp + "GET/users/self/verify")))));
    }

    static String sign(final String secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final java.security.GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, Object> json(final HttpResponse<String> response) throws Exception
    {
        return SimulatorJson.parseObject(response.body());
    }

    /** The first item of an answer's {@code data}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> first(final HttpResponse<String> response) throws Exception
    {
        return ((List<Map<String, Object>>)json(response).get("data")).get(0);
    }

    /** A private WebSocket that records every text it is sent. */
    static final class Socket implements WebSocket.Listener, AutoCloseable
    {
        final List<String> texts = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Socket(final URI streamUrl) throws Exception
        {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(streamUrl + "/ws/v5/private"), this).get(5, TimeUnit.SECONDS);
        }

        void send(final String text) throws Exception
        {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Waits (bounded) for a JSON text that matches, and returns it. */
        Map<String, Object> await(final Predicate<Map<String, Object>> match) throws Exception
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline)
            {
                for (final String text : texts)
                {
                    if (text.startsWith("{") && match.test(SimulatorJson.parseObject(text)))
                    {
                        return SimulatorJson.parseObject(text);
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no matching message within 5 s; got " + texts);
        }

        @Override
        public void close()
        {
            socket.abort();
        }
    }
}
