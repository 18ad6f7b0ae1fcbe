package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.example.http.helloworld.HttpHelloWorldServerInitializer;
import io.netty.util.ReferenceCountUtil;

/** The client against real servers on loopback: Netty's hello world in process, and one that never answers. */
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

    @Test
    void shouldSendEveryPlannedRequestAndCountEveryAnswer() throws Exception
    {
        final int port = start(new HttpHelloWorldServerInitializer(null));
        try (HttpLoadClient client = new HttpLoadClient("127.0.0.1", port, 4, 1, RequestTemplate.helloWorld("127.0.0.1", port), progress))
        {
            client.connect();
            final PhaseStats stats = client.runPhase("test", 1_000, 1, TimeUnit.SECONDS.toNanos(2));

            assertEquals(1_000, stats.sent);
            assertEquals(1_000, stats.ok);
            assertEquals(0, stats.errors());
            assertEquals(0, stats.unanswered);
            assertEquals(1_000, stats.latency.getTotalCount());
            assertEquals(1_000, stats.statuses[200]);
        }
    }

    @Test
    void shouldCountRequestsAServerNeverAnswersAsErrorsAfterTheDrainTimeout() throws Exception
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
        try (HttpLoadClient client = new HttpLoadClient("127.0.0.1", port, 2, 1, RequestTemplate.helloWorld("127.0.0.1", port), progress))
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
