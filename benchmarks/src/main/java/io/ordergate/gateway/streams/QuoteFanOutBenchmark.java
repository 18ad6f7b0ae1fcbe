package io.ordergate.gateway.streams;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.util.ReferenceCountUtil;

import io.ordergate.benchmarks.jmh.ForkedWithChronicleFlags;
import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.CommandPublisher;

/**
 * The gateway's cost of one fan-out pass of quotes (issue 12's 1,000 subscribers): one QUOTES command of five
 * instruments (what the demo feed publishes every 250 ms) handed to the {@link StreamHub} as the fan-out thread does,
 * then every socket's event-loop work (its drain), down to the bytes the WebSocket encoder leaves for the kernel.
 * The sockets are real {@link StreamSocket}s on Netty's {@link EmbeddedChannel} (no kernel: what is measured is
 * the gateway's own work per pass); user sockets subscribe to all five symbols (5 messages per socket per pass),
 * price sockets each to one (1 message). Bytes leaving are counted, so a pass that sends nothing fails.
 *
 * <pre>
 *   QUOTES x5 --onEvent--> StreamHub --pushLatest--> 1,000 outboxes --drain (event loop)--> WS encoder --> bytes
 * </pre>
 */
@State(Scope.Thread)
public class QuoteFanOutBenchmark extends ForkedWithChronicleFlags
{
    private static final String[] SYMBOLS = {"EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "BTCUSD"};
    private static final long[] BIDS = {108_420_000L, 126_510_000L, 15_012_300_000L, 265_012_000_000L, 9_500_012_000_000L};
    private static final long STEP_MICROS = 250_000L;

    @Param({"1000"})
    public int subscribers;

    /** user: /ws/{user_id} with the five quotes channels; price: /ws/prices/{symbol}, spread over the five. */
    @Param({"user", "price"})
    public String sockets;

    private StreamHub hub;
    private EmbeddedChannel[] channels;
    private final CommandEvent quotes = new CommandEvent();
    private final BodyWriter writer = new BodyWriter();
    private long micros = 1_795_341_600_000_000L;
    private long tick;
    private long bytesSent;
    private int messagesPerPass;

    @Setup(Level.Trial)
    public void setUp()
    {
        final StringBuilder yaml = new StringBuilder("instruments:\n");
        for (final String symbol : SYMBOLS)
        {
            yaml.append("  - { symbol: ").append(symbol).append(", digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n")
                .append("      min_quantity: 0.01, max_quantity: 100, base_currency: ").append(symbol, 0, 3)
                .append(", quote_currency: ").append(symbol, 3, 6).append(" }\n");
        }
        final GatewayConfig config = ConfigLoader.parse(yaml.toString(), "benchmark");
        hub = new StreamHub(config, (CommandPublisher) null);  // quote pushes only: no reads published
        final boolean price = "price".equals(sockets);
        channels = new EmbeddedChannel[subscribers];
        for (int i = 0; i < subscribers; i++)
        {
            final StreamSocket socket = new StreamSocket(hub, hub.settings(), 1, price ? SYMBOLS[i % SYMBOLS.length] : null, () -> { });
            channels[i] = new EmbeddedChannel(new WebSocket08FrameEncoder(false), socket);
            socket.opened(channels[i], true);
            if (!price)
            {
                for (final String symbol : SYMBOLS)
                {
                    channels[i].writeInbound(new TextWebSocketFrame("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"" + symbol + "\"}"));
                }
            }
        }
        hub.onIdle(System.nanoTime());  // the subscriptions start on the fan-out thread
        pass();
        messagesPerPass = price ? subscribers : subscribers * SYMBOLS.length;
        bytesSent = 0;
        final long sent = pass();
        if (sent < messagesPerPass * 40L)
        {
            throw new IllegalStateException("a pass sent " + sent + " bytes: not every socket got its quotes");
        }
    }

    @TearDown(Level.Trial)
    public void checkStillSending()
    {
        if (pass() < messagesPerPass * 40L)
        {
            throw new IllegalStateException("the last pass did not reach every socket");
        }
        for (final EmbeddedChannel channel : channels)
        {
            channel.finishAndReleaseAll();
        }
    }

    /** One QUOTES command of five instruments through the hub and every socket's drain. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long fanOutPass()
    {
        return pass();
    }

    private long pass()
    {
        micros += STEP_MICROS;
        tick++;
        quotes.reset(CommandType.QUOTES);
        quotes.header(CommandFrame.PRINCIPAL_SYSTEM, micros, tick, CommandFrame.SOURCE_FEED);
        writer.wrap(quotes.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.quotesHeader(writer, SYMBOLS.length);
        for (int i = 0; i < SYMBOLS.length; i++)
        {
            final long bid = BIDS[i] + (tick & 7) * 10;
            CommandBodies.quote(writer, SYMBOLS[i], bid, bid + 8_000L);
        }
        quotes.bodyLength(writer.length());
        quotes.result = ResultCode.ACCEPTED;
        hub.onEvent(quotes, false);
        long sent = 0;
        for (final EmbeddedChannel channel : channels)
        {
            channel.runPendingTasks();
            Object out;
            while ((out = channel.readOutbound()) != null)
            {
                sent += ((ByteBuf)out).readableBytes();
                ReferenceCountUtil.release(out);
            }
        }
        bytesSent += sent;
        return sent;
    }
}
