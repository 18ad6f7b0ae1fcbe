package io.ordergate.gateway.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** A price WebSocket ({@code /ws/prices/SYMBOL}) over real frames, keeping every text message it received. */
final class PriceStream implements AutoCloseable
{
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private WebSocket socket;

    static PriceStream open(final String httpUrl) throws Exception
    {
        final PriceStream stream = new PriceStream();
        stream.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .header("X-API-Key", ClusterClient.KEY).header("X-API-Secret", ClusterClient.SECRET)
            .buildAsync(URI.create(httpUrl.replaceFirst("^http", "ws")), stream.new Listener()).get(10, TimeUnit.SECONDS);
        return stream;
    }

    /** Whether a message carried this text (a price, say). */
    boolean saw(final String text)
    {
        return messages.stream().anyMatch(message -> message.contains(text));
    }

    @Override
    public void close()
    {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
