package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.config.ConfigLoader;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Router;

/**
 * {@code server.answer_timeout_seconds} is counted in the idle handler's events ({@code server.idle_timeout_seconds}
 * apart), not timed with a clock read per command: with a 3 s answer timeout and a 1 s idle timeout, an answer owed
 * outlasts two idle events and is given up (504, connection closed) at the third, however little wall time passed. A
 * request handled from the queue after an earlier answer gets one event more, as the first may end a period begun
 * before it. The idle events are fired by hand on an embedded channel, so no time passes at all: with the clock read
 * per command, no 504 came.
 */
class AnswerTimeoutIdlePeriodsTest
{
    private static final int ANSWER_TIMEOUT_SECONDS = 3;
    private static final int IDLE_TIMEOUT_SECONDS = 1;

    /** The request the route left unanswered last (it defers and never answers by itself). */
    private final AtomicReference<Deferred> unanswered = new AtomicReference<>();

    @Test
    void shouldGiveUpAnAnswerOwedAtTheIdleEventThatCompletesTheAnswerTimeout()
    {
        final EmbeddedChannel channel = connection();
        channel.writeInbound(request());
        assertNotNull(unanswered.get(), "the request is in flight");
        assertGivenUpAtIdleEvent(channel, 3, "three idle seconds make the answer timeout");
    }

    @Test
    void shouldGiveARequestHandledFromTheQueueOneIdleEventMore()
    {
        final EmbeddedChannel channel = connection();
        channel.writeInbound(request());
        final Deferred first = unanswered.getAndSet(null);
        channel.writeInbound(request());  // pipelined: waits for the first's answer
        assertNull(unanswered.get(), "the second waits in the queue");
        idleEvents(channel, 2);
        first.json(200, "{}");
        channel.runPendingTasks();
        final ByteBuf answer = channel.readOutbound();
        assertTrue(answer.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200 "), answer.toString(StandardCharsets.US_ASCII));
        answer.release();
        assertNotNull(unanswered.get(), "the second is in flight, handled from the queue");
        assertGivenUpAtIdleEvent(channel, 4, "the first of its idle events may have ended a period begun before it");
    }

    private EmbeddedChannel connection()
    {
        final GatewayContext gateway = new GatewayContext(ConfigLoader.parse(RingFullTest.CONFIG, "test"), "test");
        final RouteTable routes = RouteTable.builder().add(Route.get("/never", Access.NONE, exchange -> unanswered.set(exchange.defer()))).build();
        final FastThreadLocal<byte[]> bodyScratch = new FastThreadLocal<>()
        {
            @Override
            protected byte[] initialValue()
            {
                return new byte[1024];
            }
        };
        final HttpConnection connection = new HttpConnection(new Router(routes, gateway), gateway.publisher(), gateway.metrics(), bodyScratch,
            new ConnectionLimiter(8, 8, 8), false, ANSWER_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS);
        final EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast("gateway", connection);
        channel.pipeline().addFirst("reply-hand-off", connection.handOff());
        return channel;
    }

    private static DefaultFullHttpRequest request()
    {
        final DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/never");
        request.headers().set("Host", "x");
        return request;
    }

    private static void idleEvents(final EmbeddedChannel channel, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
            channel.runPendingTasks();
        }
    }

    /** Fires idle events: none before the {@code last} gives the answer up, that one does (504, closed). */
    private static void assertGivenUpAtIdleEvent(final EmbeddedChannel channel, final int last, final String why)
    {
        idleEvents(channel, last - 1);
        assertNull(channel.readOutbound(), () -> "still waiting for the answer before idle event " + last + " (" + why + ")");
        assertTrue(channel.isOpen());
        idleEvents(channel, 1);
        final ByteBuf given = channel.readOutbound();
        assertNotNull(given, () -> "the 504 at idle event " + last + " (" + why + ")");
        final String text = given.toString(StandardCharsets.US_ASCII);
        given.release();
        assertTrue(text.startsWith("HTTP/1.1 504 ") && text.contains("\"GATEWAY_TIMEOUT\""), text);
        assertFalse(channel.isOpen(), "closed after the 504");
        assertNull(channel.readOutbound(), "nothing after the 504");
    }
}
