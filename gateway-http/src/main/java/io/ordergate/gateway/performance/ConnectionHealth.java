package io.ordergate.gateway.performance;

import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.exchange.ExchangeStreamState;

/**
 * A group's {@code websocket_health} (seed 003's group metrics): each member account's link to its venue as it is now,
 * and a summary. A paper account's venue is the engine itself ({@code embedded}, always up); an MT5 account's is its
 * executor, {@code online} while its heartbeats come (the engine's word, at the read's time), with whether its
 * WebSocket is open; an exchange account's is its user-data stream, {@code connected} or {@code disconnected}, or
 * {@code not_linked} before it has credentials, or {@code link_failed} (with {@code link_error}) while its link cannot
 * be made (retried with back-off). {@code healthy}: every member's link is up. Thread safe (stateless).
 *
 * <pre>
 *   {"healthy", "connected", "disconnected", "accounts": {"paper-1": {"venue": "paper", "channel": "embedded",
 *    "status": "connected"}, "mt5-1": {"venue": "mt5", "channel": "executor", "executor_id", "status": "online",
 *    "last_heartbeat", "pending_commands", "websocket": true}, "binance-1": {"venue": "binance", "channel":
 *    "user_data_stream", "status": "connected", "connects": 1}}}
 * </pre>
 */
public final class ConnectionHealth
{
    private final Predicate<String> executorSocketOpen;
    private final Function<String, ExchangeStreamState> exchangeStreams;

    /**
     * @param executorSocketOpen whether an executor (by id) has its WebSocket open now
     * @param exchangeStreams    an exchange account's stream now, or null when it has no link
     */
    public ConnectionHealth(final Predicate<String> executorSocketOpen, final Function<String, ExchangeStreamState> exchangeStreams)
    {
        this.executorSocketOpen = executorSocketOpen;
        this.exchangeStreams = exchangeStreams;
    }

    /** Writes {@code "websocket_health": {...}} for the accounts of an engine PERFORMANCE_DATA answer. */
    void write(final JsonWriter json, final JsonNode data)
    {
        int up = 0;
        int down = 0;
        json.name("websocket_health").startObject().name("accounts").startObject();
        for (final JsonNode account : data.path("accounts"))
        {
            final String id = account.path("account_id").asText();
            final String venue = account.path("venue").asText();
            json.name(id).startObject().name("venue").string(venue);
            final boolean connected;
            switch (venue)
            {
                case "paper":
                    json.name("channel").string("embedded").name("status").string("connected");
                    connected = true;
                    break;
                case "mt5":
                    connected = executor(json, data.path("connections").path(id));
                    break;
                default:
                    final ExchangeStreamState stream = exchangeStreams.apply(id);
                    json.name("channel").string("user_data_stream").name("status").string(stream == null ? "not_linked"
                        : stream.linkFailure() != null ? "link_failed" : stream.connected() ? "connected" : "disconnected");
                    if (stream != null && stream.linkFailure() != null)
                    {
                        json.name("link_error").string(stream.linkFailure());
                    }
                    json.name("connects").number(stream == null ? 0 : stream.connects());
                    connected = stream != null && stream.connected();
            }
            json.endObject();
            up += connected ? 1 : 0;
            down += connected ? 0 : 1;
        }
        json.endObject().name("healthy").bool(down == 0).name("connected").number(up).name("disconnected").number(down).endObject();
    }

    /** An MT5 account's executor, as the engine's heartbeats tell it, and its WebSocket; true when online. */
    private boolean executor(final JsonWriter json, final JsonNode engine)
    {
        final String status = engine.path("status").asText("no_executor");
        json.name("channel").string("executor");
        final JsonNode executorId = engine.path("executor_id");
        if (executorId.isTextual())
        {
            json.name("executor_id").string(executorId.asText());
        }
        json.name("status").string(status);
        final JsonNode heartbeat = engine.path("last_heartbeat");
        json.name("last_heartbeat");
        if (heartbeat.isTextual())
        {
            json.string(heartbeat.asText());
        }
        else
        {
            json.nullValue();
        }
        json.name("pending_commands").number(engine.path("pending_commands").asInt());
        json.name("websocket").bool(executorId.isTextual() && executorSocketOpen.test(executorId.asText()));
        return "online".equals(status);
    }
}
