package io.ordergate.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver written from API.md alone: a real HTTP server on loopback (the JDK's) that keeps every POST it
 * gets, answers with the status the test sets, and checks {@code X-Ordergate-Signature} the way a receiver should
 * (HMAC-SHA256 of {@code "<t>.<body>"}, compared in constant time, {@code t} near its own clock).
 */
final class WebhookReceiver implements AutoCloseable
{
    /** One POST as received, and when ({@link System#nanoTime}). */
    record Received(String signature, String eventHeader, byte[] body, int answeredWith, long atNanos)
    {
        JsonNode json()
        {
            try
            {
                return TestGateway.JSON.readTree(body);
            }
            catch (final IOException ex)
            {
                throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), ex);
            }
        }

        String eventId()
        {
            return json().path("event_id").asText();
        }

        /** True when the signature is the body's HMAC under {@code secret} and its time is within a minute of ours. */
        boolean signedWith(final String secret) throws Exception
        {
            final String[] parts = signature.split(",");
            if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1="))
            {
                return false;
            }
            final long t = Long.parseLong(parts[0].substring(2));
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            final byte[] expected = mac.doFinal(body);
            final byte[] given = HexFormat.of().parseHex(parts[1].substring(3));
            return MessageDigest.isEqual(expected, given) && Math.abs(System.currentTimeMillis() / 1000 - t) < 60;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final java.util.concurrent.atomic.AtomicReference<String> retryAfter = new java.util.concurrent.atomic.AtomicReference<>();

    WebhookReceiver() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange ->
        {
            final byte[] body = exchange.getRequestBody().readAllBytes();
            final int status = answer.get();
            final String wait = retryAfter.get();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Ordergate-Signature"),
                exchange.getRequestHeaders().getFirst("X-Ordergate-Event"), body, status, System.nanoTime()));
            if (wait != null)
            {
                exchange.getResponseHeaders().add("Retry-After", wait);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status every POST is answered with from now on. */
    void answerWith(final int status)
    {
        answerWith(status, null);
    }

    /** The status every POST is answered with from now on, with {@code Retry-After: retryAfter} (null: none). */
    void answerWith(final int status, final String retryAfter)
    {
        this.retryAfter.set(retryAfter);
        answer.set(status);
    }

    /** The first POST received (so far, or within {@code seconds}) that matches. */
    Received next(final Predicate<Received> wanted, final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true)
        {
            for (final Received one : received)
            {
                if (wanted.test(one))
                {
                    return one;
                }
            }
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no matching webhook POST within " + seconds + " s; got " + received.size());
            }
            Thread.sleep(20);
        }
    }

    Received next(final String event, final int seconds) throws InterruptedException
    {
        return next(r -> event.equals(r.json().path("event").asText()), seconds);
    }

    /** Everything received so far. */
    List<Received> all()
    {
        return List.copyOf(received);
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
