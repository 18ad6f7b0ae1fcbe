package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.example.http.helloworld.HttpHelloWorldServerInitializer;
import io.netty.util.ReferenceCountUtil;

/**
 * The client against real servers on loopback: Netty's hello world in process, and one that never answers; each
 * pacing (the event loop's timer on epoll, the pacing thread on NIO).
 */
class HttpLoadClientTest
{
    private final NioEventLoopGroup serverGroup = new NioEventLoopGroup(1);
    private final PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true);

    @AfterEach
    void stopServer()
    {
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private int start(final ChannelInitializer<SocketChannel> initializer) throws InterruptedException
    {
        final Channel server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
            .childHandler(initializer).bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    private HttpLoadClient client(final int port, final int connections, final Pacing pacing)
    {
        assumeTrue(pacing != Pacing.LOOP || LoadTransport.epollLoads(), "the loop pacing needs the epoll transport");
        return new HttpLoadClient("127.0.0.1", port, connections, 1, RequestTemplate.helloWorld("127.0.0.1", port), progress, false, pacing);
    }

    @ParameterizedTest
    @EnumSource(Pacing.class)
    void shouldSendEveryPlannedRequestAndCountEveryAnswer(final Pacing pacing) throws Exception
    {
        final int port = start(new HttpHelloWorldServerInitializer(null));
        try (HttpLoadClient client = client(port, 4, pacing))
        {
            client.connect();
            final PhaseStats warmup = client.runPhase("ramp", 1_000, 1, true, TimeUnit.SECONDS.toNanos(2));
            final PhaseStats stats = client.runPhase("test", 1_000, 1, TimeUnit.SECONDS.toNanos(2));

            assertEquals(warmup.schedule.total(), warmup.ok, "a ramped phase too: every request handed out and answered");
            assertEquals(warmup.schedule.total(), warmup.pacerLateness.getTotalCount());
            assertEquals(pacing, stats.pacing);
            assertEquals(1_000, stats.pacerLateness.getTotalCount(), "each request handed out once");

            assertEquals(1_000, stats.sent);
            assertEquals(1_000, stats.ok);
            assertEquals(0, stats.errors());
            assertEquals(0, stats.unanswered);
            assertEquals(1_000, stats.latency.getTotalCount());
            assertEquals(1_000, stats.statuses[200]);
        }
    }

    @ParameterizedTest
    @EnumSource(Pacing.class)
    void shouldLeaveASharedLoopRunningAndCloseOnlyItsOwnSockets(final Pacing pacing) throws Exception
    {
        assumeTrue(pacing != Pacing.LOOP || LoadTransport.epollLoads(), "the loop pacing needs the epoll transport");
        final CountDownLatch closedOnServer = new CountDownLatch(3);
        final int port = start(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel channel)
            {
                channel.closeFuture().addListener(f -> closedOnServer.countDown());
                new HttpHelloWorldServerInitializer(null).initChannel(channel);
            }
        });
        final EventLoopGroup shared = LoadTransport.singleLoop("test-shared", pacing);
        try
        {
            final RequestTemplate hello = RequestTemplate.helloWorld("127.0.0.1", port);
            try (HttpLoadClient first = new HttpLoadClient("127.0.0.1", port, 3, 1, hello, progress, false, pacing, shared, false))
            {
                first.connect();
                assertEquals(200, first.runPhase("first", 200, 1, TimeUnit.SECONDS.toNanos(2)).ok);
            }
            assertTrue(closedOnServer.await(5, TimeUnit.SECONDS), "closing the client closed its three sockets");
            assertFalse(shared.isShuttingDown(), "and left the loop it does not own running");
            try (HttpLoadClient second = new HttpLoadClient("127.0.0.1", port, 2, 1, hello, progress, false, pacing, shared, false))
            {
                second.connect();
                assertEquals(200, second.runPhase("second", 200, 1, TimeUnit.SECONDS.toNanos(2)).ok, "the next client runs on the same loop");
            }
        }
        finally
        {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @ParameterizedTest
    @EnumSource(Pacing.class)
    void shouldCountRequestsAServerNeverAnswersAsErrorsAfterTheDrainTimeout(final Pacing pacing) throws Exception
    {
        final int port = start(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel channel)
            {
                channel.pipeline().addLast(new ChannelInboundHandlerAdapter()
                {
                    @Override
                    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
                    {
                        ReferenceCountUtil.release(msg);  // swallow: a stalled server
                    }
                });
            }
        });
        try (HttpLoadClient client = client(port, 2, pacing))
        {
            client.connect();
            final long began = System.nanoTime();
            final PhaseStats stats = client.runPhase("stalled", 200, 1, TimeUnit.MILLISECONDS.toNanos(300));

            assertEquals(0, stats.ok);
            assertEquals(200, stats.errors(), "every planned request is an error, not only the 2 that were written");
            assertEquals(2, stats.sent, "one request in flight per connection");
            assertEquals(200, stats.unanswered, "all of them still unanswered when the phase ended");
            assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(3), "the phase ends by itself");
        }
    }
}
