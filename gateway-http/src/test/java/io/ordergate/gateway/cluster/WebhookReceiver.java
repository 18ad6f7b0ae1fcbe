package io.ordergate.gateway.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/** A webhook target on loopback (the JDK's HTTP server): counts every POST and the event ids it carried. */
final class WebhookReceiver implements AutoCloseable
{
    private static final Pattern EVENT_ID = Pattern.compile("\"event_id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(final HttpServer server)
    {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException
    {
        final WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/hook", exchange ->
        {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            receiver.posts.incrementAndGet();
            final Matcher id = EVENT_ID.matcher(body);
            if (id.find())
            {
                receiver.eventIds.add(id.group(1));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    int port()
    {
        return server.getAddress().getPort();
    }

    int posts()
    {
        return posts.get();
    }

    Set<String> eventIds()
    {
        return Set.copyOf(eventIds);
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
