package io.ordergate.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WebSocket client written from API.md alone (the JDK's {@code java.net.http.WebSocket}): connects with the API key
 * headers or {@code ?access_token=}, sends JSON text messages, and keeps every text message it receives, in order,
 * with the close code when the server closes. Messages are taken with a deadline, never a sleep.
 */
final class StreamClient implements AutoCloseable
{
    private final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private StreamClient(final WebSocket.Builder builder, final URI uri) throws Exception
    {
        this.socket = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** Connects to {@code path} on the gateway with the key's headers (null: none). */
    static StreamClient connect(final TestGateway gateway, final String path, final TestGateway.Key key) throws Exception
    {
        final WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (key != null)
        {
            builder.header("X-API-Key", key.key()).header("X-API-Secret", key.secret());
        }
        return new StreamClient(builder, URI.create("ws://127.0.0.1:" + gateway.port() + path));
    }

    void send(final String json) throws Exception
    {
        socket.sendText(json, true).get(5, TimeUnit.SECONDS);
    }

    /** The next message, or an assertion failure after {@code seconds}. */
    JsonNode next(final int seconds) throws InterruptedException
    {
        final JsonNode message = received.poll(seconds, TimeUnit.SECONDS);
        if (message == null)
        {
            throw new AssertionError("no message within " + seconds + " s" + (closed.isDone() ? " (closed " + closed.getNow(null) + ")" : ""));
        }
        return message;
    }

    /** The next message that matches, skipping others (pings, quotes), within {@code seconds}. */
    JsonNode nextMatching(final Predicate<JsonNode> wanted, final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            final JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null)
            {
                throw new AssertionError("no matching message within " + seconds + " s");
            }
            if (wanted.test(message))
            {
                return message;
            }
        }
    }

    JsonNode nextOfType(final String type, final int seconds) throws InterruptedException
    {
        return nextMatching(message -> type.equals(message.path("type").asText()), seconds);
    }

    /** The close code the server sent, or -1 when the connection ended without one; waits up to {@code seconds}. */
    int closeCode(final int seconds) throws Exception
    {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    boolean isClosed()
    {
        return closed.isDone();
    }

    @Override
    public void close()
    {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            text.append(data);
            if (last)
            {
                try
                {
                    received.add(TestGateway.JSON.readTree(text.toString()));
                }
                catch (final Exception ex)
                {
                    throw new AssertionError("not JSON: " + text, ex);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
        {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            closed.complete(-1);
        }
    }
}
