package io.ordergate.simulators.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.ordergate.simulators.SimulatorJson;

/** A user-data WebSocket client for tests: records every event and whether the exchange closed the socket. */
final class StreamRecorder implements WebSocket.Listener, AutoCloseable
{
    final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    StreamRecorder(final URI streamUrl, final String listenKey) throws Exception
    {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(streamUrl + "/ws/" + listenKey), this)
            .get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            try
            {
                events.add(SimulatorJson.parseObject(partial.toString()));
            }
            catch (final java.io.IOException ex)
            {
                throw new IllegalStateException(ex);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        closed = true;
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        closed = true;
    }

    /** Waits (bounded) until an event matches, and returns it. */
    Map<String, Object> await(final Predicate<Map<String, Object>> match) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline)
        {
            for (final Map<String, Object> event : events)
            {
                if (match.test(event))
                {
                    return event;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no matching event within 5 s; got " + events);
    }

    static Predicate<Map<String, Object>> report(final String clientOrderId, final String execution, final String status)
    {
        return e -> "executionReport".equals(e.get("e")) && clientOrderId.equals(e.get("c")) && execution.equals(e.get("x"))
            && status.equals(e.get("X"));
    }

    @Override
    public void close()
    {
        socket.abort();
    }
}
